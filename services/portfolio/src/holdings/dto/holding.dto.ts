import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HoldingDto {
  @ApiProperty({ example: 'AAPL' })
  symbol: string;

  @ApiProperty({ example: 'USD', description: 'Currency the instrument trades in' })
  currency: string;

  @ApiProperty({ example: '10' })
  quantity: string;

  @ApiPropertyOptional({ example: '187.25', description: 'Latest price, in the instrument currency' })
  price?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  priceAsOf?: string;

  @ApiProperty({ description: 'The price is simulated' })
  synthetic: boolean;

  @ApiProperty({ description: 'Price or FX rate older than the staleness limit (or missing)' })
  stale: boolean;

  @ApiPropertyOptional({ example: '0.86', description: 'Units of the base currency per unit of `currency`' })
  fxRate?: string;

  @ApiPropertyOptional({ description: 'Market value in the base currency' })
  marketValue?: string;

  @ApiPropertyOptional({ description: 'Cost of the shares held, in the base currency (fees excluded)' })
  costBasis?: string;

  @ApiPropertyOptional()
  averageCost?: string;

  @ApiPropertyOptional()
  unrealisedGain?: string;

  @ApiPropertyOptional({ example: '4.1200' })
  unrealisedGainPercent?: string;

  @ApiPropertyOptional()
  realisedGain?: string;

  @ApiPropertyOptional()
  dividends?: string;

  @ApiPropertyOptional()
  fees?: string;

  @ApiPropertyOptional({ description: 'Change since the previous day’s last price, in the base currency' })
  dayChange?: string;

  @ApiPropertyOptional({ description: 'Share of the portfolio’s holdings value, percent' })
  weight?: string;
}

export class CashDto {
  @ApiProperty()
  currency: string;

  @ApiProperty()
  amount: string;

  @ApiPropertyOptional({ description: 'In the base currency' })
  value?: string;
}

export class HoldingsDto {
  @ApiProperty({ format: 'uuid' })
  portfolioId: string;

  @ApiProperty()
  baseCurrency: string;

  @ApiProperty({ description: 'Market value of the holdings in the base currency' })
  value: string;

  @ApiProperty({ description: 'Cash in the base currency (negative when buys exceed deposits)' })
  cash: string;

  @ApiProperty({ description: 'Holdings plus cash' })
  totalValue: string;

  @ApiProperty()
  stale: boolean;

  @ApiProperty({ type: [HoldingDto] })
  holdings: HoldingDto[];

  @ApiProperty({ type: [CashDto] })
  cashBalances: CashDto[];
}
