import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Trading bars back for each window: a day, a week (5 bars), a month (21 bars). */
export const TRENDING_WINDOWS = { '1d': 1, '1w': 5, '1m': 21 } as const;
export type TrendingWindow = keyof typeof TRENDING_WINDOWS;
const WINDOW_NAMES = Object.keys(TRENDING_WINDOWS) as TrendingWindow[];

export class TrendingQueryDto {
  @ApiPropertyOptional({
    description: 'Most gainers and most losers returned',
    default: 5,
    minimum: 1,
    maximum: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 50' })
  @Max(50, { message: 'limit must be between 1 and 50' })
  limit?: number;

  @ApiPropertyOptional({
    enum: WINDOW_NAMES,
    default: '1d',
    description: 'Change of the daily close over 1, 5 or 21 trading bars',
  })
  @IsOptional()
  @IsIn(WINDOW_NAMES, { message: `window must be one of ${WINDOW_NAMES.join(', ')}` })
  window?: TrendingWindow;
}
