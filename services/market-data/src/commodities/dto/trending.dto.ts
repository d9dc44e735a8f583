import { ApiProperty } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, type CommodityCategory } from '../commodity-groups';
import type { TrendingWindow } from './trending-query.dto';

export class TrendingMoverDto {
  @ApiProperty({ example: 'NATGAS' })
  symbol: string;

  @ApiProperty({ example: 'Henry Hub natural gas' })
  name: string;

  @ApiProperty({ enum: COMMODITY_CATEGORIES })
  category: CommodityCategory;

  @ApiProperty({ format: 'date', description: 'Latest daily bar (UTC day)' })
  date: string;

  @ApiProperty({ example: '2.8400', description: "Close of that bar, in the instrument's precision" })
  close: string;

  @ApiProperty({ example: '6.12', description: 'Percent change of the close over the window, 2 places' })
  changePercent: string;
}

export class TrendingDto {
  @ApiProperty({ enum: ['1d', '1w', '1m'] })
  window: TrendingWindow;

  @ApiProperty({ example: 5, description: 'Trading bars back the change is measured over' })
  bars: number;

  @ApiProperty({ type: [TrendingMoverDto], description: 'Positive changes, largest first, at most `limit`' })
  gainers: TrendingMoverDto[];

  @ApiProperty({
    type: [TrendingMoverDto],
    description: 'Negative changes, largest fall first, at most `limit`',
  })
  losers: TrendingMoverDto[];
}
