import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDING_STAGES, type FundingStage } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCurrencyCode, IsIsoDay, SLUG } from '../../dataset/dataset-fields';

export class RoundDto {
  @ApiProperty({ example: 'helio-robotics/series-a/2025-03-14' })
  id: string;

  @ApiProperty()
  companyId: string;

  @ApiProperty()
  companyName: string;

  @ApiProperty()
  sector: string;

  @ApiProperty()
  country: string;

  @ApiProperty({ enum: FUNDING_STAGES })
  stage: FundingStage;

  @ApiProperty({ example: '2025-03-14' })
  announcedOn: string;

  @ApiProperty({ example: '18000000.00', description: 'In `currency`' })
  amount: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiPropertyOptional({ example: '72000000.00' })
  preMoney?: string;

  @ApiPropertyOptional({ example: '90000000.00' })
  postMoney?: string;

  @ApiPropertyOptional()
  leadInvestorId?: string;

  @ApiProperty({ type: [String] })
  investorIds: string[];

  @ApiProperty({ example: 'bundled', description: 'Where the row came from (provider or import)' })
  source: string;

  @ApiProperty()
  importedAt: string;
}

export class RoundsQuery {
  @ApiPropertyOptional({ example: 'ai' })
  @IsOptional()
  @Matches(SLUG, { message: 'sector must be a slug such as ai' })
  sector?: string;

  @ApiPropertyOptional({ enum: FUNDING_STAGES })
  @IsOptional()
  @IsIn(FUNDING_STAGES, { message: `stage must be one of ${FUNDING_STAGES.join(', ')}` })
  stage?: FundingStage;

  @ApiPropertyOptional({ example: 'US' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 code such as US' })
  country?: string;

  @ApiPropertyOptional({ description: 'Rounds this investor took part in' })
  @IsOptional()
  @Matches(SLUG, { message: 'investor must be an investor id' })
  investor?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'Rounds in this currency only' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsIsoDay()
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
