import { ApiProperty } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, type CommodityCategory } from '../commodity-groups';

/** A commodity with its latest price; the price fields are null until the first refresh brings one. */
export class CommodityQuoteDto {
  @ApiProperty({ example: 'XAUUSD' })
  symbol: string;

  @ApiProperty({ example: 'Gold' })
  name: string;

  @ApiProperty({ enum: COMMODITY_CATEGORIES, example: 'precious-metal' })
  category: CommodityCategory;

  @ApiProperty({ example: 'troy ounce' })
  unit: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4231.55',
    description: "Decimal string in the instrument's precision (2 to 4 places); null before the first price",
  })
  price: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  asOf: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'simulated' })
  source: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4210.00',
    description: 'Daily close of the last bar before the UTC day of the price',
  })
  previousClose: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.51',
    description: 'Percent change of the price from the previous close, 2 places',
  })
  changePercent: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Simulated price, not a market observation; null without a price',
  })
  synthetic: boolean | null;

  @ApiProperty({ description: 'No price yet, or one older than PRICE_STALE_AFTER_MS' })
  stale: boolean;
}
