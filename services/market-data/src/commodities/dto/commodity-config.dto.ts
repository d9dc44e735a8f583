import { ApiProperty } from '@nestjs/swagger';
import type { ProviderSymbols, TradingCalendar } from '../../catalogue/instrument.entity';
import { COMMODITY_CATEGORIES, type CommodityCategory } from '../commodity-groups';

export class CommodityConfigDto {
  @ApiProperty({ example: 'BRENT' })
  symbol: string;

  @ApiProperty({ example: 'Brent crude' })
  name: string;

  @ApiProperty({ enum: COMMODITY_CATEGORIES })
  category: CommodityCategory;

  @ApiProperty({ example: 'barrel' })
  unit: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ enum: ['24/7', '24/5', 'exchange'] })
  calendar: TradingCalendar;

  @ApiProperty({
    example: { stooq: 'cb.f', twelvedata: 'XBR/USD' },
    description: 'Symbol at each external provider that lists it; empty when none does',
  })
  providerSymbols: ProviderSymbols;

  @ApiProperty({ description: 'Disabled instruments get no prices' })
  enabled: boolean;
}
