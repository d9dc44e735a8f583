import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCurrencyCode, IsIsoDay } from '../../dataset/dataset-fields';

export class UnconvertedTotalDto {
  @ApiProperty({ example: 'SEK' })
  currency: string;

  @ApiProperty()
  count: number;

  @ApiProperty({ example: '12000000.00', description: 'In its own currency, not converted' })
  total: string;
}

export class CurrencyNoteDto {
  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({
    example: 'converted at the latest fx.rate.updated rates',
    description: 'How amounts of other currencies were brought into `currency`',
  })
  method: string;

  @ApiPropertyOptional({ description: 'The oldest rate used' })
  ratesAsOf?: string;

  @ApiProperty({ type: [UnconvertedTotalDto], description: 'Amounts left out for want of a rate' })
  unconverted: UnconvertedTotalDto[];
}

export class PeriodFiguresDto {
  @ApiProperty({ example: '2026-Q3' })
  quarter: string;

  @ApiProperty()
  count: number;

  @ApiProperty({ example: '250000000.00' })
  total: string;
}

export class LandscapeGroupDto {
  @ApiProperty({ example: 'ai', description: 'The sector or the stage' })
  key: string;

  @ApiProperty()
  count: number;

  @ApiProperty({ example: '1200000000.00' })
  total: string;

  @ApiPropertyOptional({ example: '12500000.00' })
  median?: string;

  @ApiPropertyOptional({ example: '18400000.00' })
  mean?: string;

  @ApiProperty({ type: PeriodFiguresDto, description: 'The last complete quarter' })
  lastQuarter: PeriodFiguresDto;

  @ApiProperty({ type: PeriodFiguresDto, description: 'The quarter before it' })
  previousQuarter: PeriodFiguresDto;

  @ApiPropertyOptional({ example: '12.50', description: 'Change of the round count, percent' })
  countChangePercent?: string;

  @ApiPropertyOptional({ example: '-4.20', description: 'Change of the amount raised, percent' })
  totalChangePercent?: string;
}

export class LandscapeDto {
  @ApiProperty({ enum: ['sector', 'stage'] })
  by: string;

  @ApiProperty({ type: CurrencyNoteDto })
  currency: CurrencyNoteDto;

  @ApiProperty({ type: [LandscapeGroupDto] })
  groups: LandscapeGroupDto[];
}

export class LandscapeQuery {
  @ApiPropertyOptional({ enum: ['sector', 'stage'], default: 'sector' })
  @IsOptional()
  @IsIn(['sector', 'stage'], { message: 'by must be sector or stage' })
  by?: 'sector' | 'stage';

  @ApiPropertyOptional({ example: 'USD', description: 'Reporting currency (default from config)' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ example: '2024-01-01', description: 'Rounds announced on or after' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-24',
    description: 'Rounds up to; also the date the quarters count back from',
  })
  @IsOptional()
  @IsIsoDay()
  to?: string;
}
