import { ApiProperty } from '@nestjs/swagger';

export class FxPairDto {
  @ApiProperty({ example: 'EURUSD' })
  pair: string;

  @ApiProperty({ example: 'EUR' })
  base: string;

  @ApiProperty({ example: 'USD' })
  quote: string;

  @ApiProperty({ description: 'Units of quote for one base, decimal string', example: '1.16215' })
  rate: string;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ example: 'simulated' })
  source: string;

  @ApiProperty({ description: 'Simulated rate, not a market observation' })
  synthetic: boolean;

  @ApiProperty({ description: 'Older than PRICE_STALE_AFTER_MS' })
  stale: boolean;
}

export class FxDerivedRateDto {
  @ApiProperty({ example: 'JPY' })
  quote: string;

  @ApiProperty({
    description: 'Units of quote for one base, 12 places half-even, trailing zeros dropped',
    example: '186.84087',
  })
  rate: string;

  @ApiProperty({ example: ['EUR', 'USD', 'JPY'], description: 'Direct, inverse or through USD' })
  path: string[];

  @ApiProperty({ format: 'date-time', description: 'The older of the legs' })
  asOf: string;

  @ApiProperty({ example: 'simulated', description: 'Sources of the legs, joined by + when they differ' })
  source: string;

  @ApiProperty({ description: 'True when any leg is simulated' })
  synthetic: boolean;

  @ApiProperty({ description: 'The older leg is older than PRICE_STALE_AFTER_MS' })
  stale: boolean;
}

export class FxRatesDto {
  @ApiProperty({ example: 'USD' })
  base: string;

  @ApiProperty({ type: [FxPairDto], description: 'The latest rate of every FX pair of the catalogue' })
  pairs: FxPairDto[];

  @ApiProperty({ type: [FxDerivedRateDto], description: 'One unit of base in every other known currency' })
  rates: FxDerivedRateDto[];
}

export class FxConversionDto {
  @ApiProperty({ example: '100' })
  amount: string;

  @ApiProperty({ example: 'EUR' })
  from: string;

  @ApiProperty({ example: 'JPY' })
  to: string;

  @ApiProperty({ description: 'Units of to for one from, 12 places half-even', example: '186.84087' })
  rate: string;

  @ApiProperty({
    description: 'amount × rate at 34 significant digits, rounded half-even to 8 places',
    example: '18684.08700000',
  })
  converted: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The older of the legs; null from a currency to itself',
  })
  asOf: string | null;

  @ApiProperty({ example: ['EUR', 'USD', 'JPY'] })
  path: string[];

  @ApiProperty({ example: 'simulated', description: '`identity` from a currency to itself' })
  source: string;

  @ApiProperty()
  synthetic: boolean;

  @ApiProperty()
  stale: boolean;
}
