import { ApiProperty } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, type CommodityCategory, type CommodityGroup } from '../commodity-groups';
import { CommodityQuoteDto } from './commodity-quote.dto';

/** A quote plus what the daily bars say; each bar figure is null while the history is too short. */
export class CommodityPerformanceDto extends CommodityQuoteDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Latest daily bar (UTC day)' })
  barDate: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '3.18',
    description: 'Percent change of the close over 21 trading bars (30 for a 24/7 market), 2 places',
  })
  momentum1m: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '-4.02',
    description: 'Percent change of the close over 63 trading bars (91 for a 24/7 market), 2 places',
  })
  momentum3m: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4381.20',
    description: "Highest high of the last 252 bars (365 for a 24/7 market), in the instrument's precision",
  })
  high52: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '3120.75',
    description: "Lowest low of the last 252 bars (365 for a 24/7 market), in the instrument's precision",
  })
  low52: string | null;
}

export class CommodityGroupDto {
  @ApiProperty({ enum: ['metals', 'ai-materials', 'space-tech', 'energy'] })
  group: CommodityGroup;

  @ApiProperty({ enum: COMMODITY_CATEGORIES, isArray: true })
  categories: CommodityCategory[];

  @ApiProperty({ type: [CommodityPerformanceDto] })
  instruments: CommodityPerformanceDto[];
}
