import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { HISTORY_RANGES, type HistoryRange } from '../history-range';

export const HISTORY_INTERVALS = ['tick', '1d'] as const;
export type HistoryInterval = (typeof HISTORY_INTERVALS)[number];

export class HistoryQueryDto {
  @ApiPropertyOptional({
    enum: HISTORY_INTERVALS,
    default: 'tick',
    description: '`tick`: every stored price; `1d`: daily bars (OHLC, source, synthetic) by UTC day',
  })
  @IsOptional()
  @IsIn(HISTORY_INTERVALS, { message: `interval must be one of ${HISTORY_INTERVALS.join(', ')}` })
  interval?: HistoryInterval;

  @ApiPropertyOptional({
    enum: HISTORY_RANGES,
    description: 'A named span ending at `to` instead of `from`: calendar months and years, ytd, max',
  })
  @IsOptional()
  @IsIn(HISTORY_RANGES, { message: `range must be one of ${HISTORY_RANGES.join(', ')}` })
  range?: HistoryRange;

  @ApiPropertyOptional({
    description:
      'ISO-8601 start (inclusive); default 24 h before `to`, or 365 days for `1d` (a date is enough)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time such as 2026-11-23T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 end (inclusive); default now (for `1d`: today, UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time such as 2026-11-23T12:00:00Z' })
  to?: string;

  @ApiPropertyOptional({
    description: 'Most points or bars returned (oldest first)',
    default: 1000,
    maximum: 10000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 10000' })
  @Max(10000, { message: 'limit must be between 1 and 10000' })
  limit?: number;
}

export class LatestQueryDto {
  @ApiPropertyOptional({ description: 'Only this category, e.g. precious-metal, fx, crypto, stock' })
  @IsOptional()
  category?: string;
}
