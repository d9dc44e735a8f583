import { ApiProperty } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, type CommodityCategory } from '../commodity-groups';
import { CommodityQuoteDto } from './commodity-quote.dto';

export class CommodityMoverDto {
  @ApiProperty({ example: 'XAGUSD' })
  symbol: string;

  @ApiProperty({ example: '1.24', description: 'Percent change from the previous close, 2 places' })
  changePercent: string;
}

export class CommodityCategoryOverviewDto {
  @ApiProperty({ enum: COMMODITY_CATEGORIES })
  category: CommodityCategory;

  @ApiProperty({ description: 'Enabled instruments in the category, priced or not' })
  count: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.37',
    description: 'Mean day change of the instruments that have one, 2 places; null when none has',
  })
  averageChangePercent: string | null;

  @ApiProperty({ type: CommodityMoverDto, nullable: true, description: 'Highest day change' })
  best: CommodityMoverDto | null;

  @ApiProperty({ type: CommodityMoverDto, nullable: true, description: 'Lowest day change' })
  worst: CommodityMoverDto | null;

  @ApiProperty({ type: [CommodityQuoteDto] })
  instruments: CommodityQuoteDto[];
}

export class CommodityOverviewDto {
  @ApiProperty({ type: [CommodityCategoryOverviewDto], description: 'Every commodity category, even empty' })
  categories: CommodityCategoryOverviewDto[];
}
