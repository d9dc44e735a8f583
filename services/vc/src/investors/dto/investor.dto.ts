import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVESTOR_RANKING_METRICS, type InvestorRankingMetric } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCurrencyCode, IsIsoDay } from '../../dataset/dataset-fields';
import { CurrencyNoteDto } from '../../analytics/dto/landscape.dto';

export class RankedInvestorDto {
  @ApiProperty()
  rank: number;

  @ApiProperty()
  investorId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  deals: number;

  @ApiProperty()
  leads: number;

  @ApiProperty({
    example: '152000000.00',
    description: "Each round's amount split evenly among its investors",
  })
  capital: string;
}

export class InvestorRankingDto {
  @ApiProperty({ enum: INVESTOR_RANKING_METRICS })
  by: InvestorRankingMetric;

  @ApiProperty({ example: '2025-11-24' })
  from: string;

  @ApiProperty({ example: '2026-11-24' })
  to: string;

  @ApiProperty({ type: CurrencyNoteDto })
  currency: CurrencyNoteDto;

  @ApiProperty({ type: [RankedInvestorDto] })
  entries: RankedInvestorDto[];
}

export class InvestorRankingQuery {
  @ApiPropertyOptional({ enum: INVESTOR_RANKING_METRICS, default: 'deals' })
  @IsOptional()
  @IsIn(INVESTOR_RANKING_METRICS, { message: `by must be one of ${INVESTOR_RANKING_METRICS.join(', ')}` })
  by?: InvestorRankingMetric;

  @ApiPropertyOptional({ example: '2025-11-24', description: 'Default: the configured window before `to`' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-24', description: 'Default: today' })
  @IsOptional()
  @IsIsoDay()
  to?: string;

  @ApiPropertyOptional({ example: 'USD' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class InvestorDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['vc', 'cvc', 'angel', 'pe', 'sovereign'] })
  kind: string;

  @ApiProperty()
  country: string;

  @ApiPropertyOptional({ example: '2500000000.00' })
  aum?: string;

  @ApiPropertyOptional({ example: 'USD' })
  aumCurrency?: string;
}
