import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsSupportedInstant } from '../../validation/instant';
import { HISTORY_RANGES, type HistoryRange } from '../history-range';
import { TICK_INTERVALS } from '../tick-buckets';

export const HISTORY_INTERVALS = [...TICK_INTERVALS, '1d'] as const;
export type HistoryInterval = (typeof HISTORY_INTERVALS)[number];

export class HistoryQueryDto {
  @ApiPropertyOptional({
    enum: HISTORY_INTERVALS,
    description:
      '`tick`: every stored price; `1m`/`5m`/`15m`/`1h`: one point per bucket of stored prices (open, high, ' +
      'low, close; `price` is the close); `1d`: daily bars (OHLC, source, synthetic) by trading day. ' +
      'Default: every tick when they fit in `limit`, else the finest bucket that fits the span',
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
  @IsSupportedInstant({
    message: 'from must be an ISO-8601 date-time such as 2026-11-23T00:00:00Z, in the years 1900–9999 (UTC)',
  })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 end (inclusive); default now (for `1d`: today, UTC)' })
  @IsOptional()
  @IsSupportedInstant({
    message: 'to must be an ISO-8601 date-time such as 2026-11-23T12:00:00Z, in the years 1900–9999 (UTC)',
  })
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
