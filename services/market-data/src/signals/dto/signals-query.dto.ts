import { ApiPropertyOptional } from '@nestjs/swagger';
import { SIGNAL_TYPES, type SignalTypeV1 } from '@marketpulse/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDay } from '../../validation/calendar-day';

export class SignalsQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_TYPES })
  @IsOptional()
  @IsIn(SIGNAL_TYPES, { message: `type must be one of ${SIGNAL_TYPES.join(', ')}` })
  type?: SignalTypeV1;

  @ApiPropertyOptional({ example: 'XAUUSD' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'symbol must be a catalogue symbol such as XAUUSD' })
  symbol?: string;

  @ApiPropertyOptional({ description: 'Bars on or after this day (YYYY-MM-DD); default 30 days ago' })
  @IsOptional()
  @IsCalendarDay({ message: 'since must be a day such as 2026-11-01 (one that exists, from 1900)' })
  since?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
