import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICK_INTERVALS, type TickInterval } from '../tick-buckets';

export class PriceDto {
  @ApiProperty({ example: 'XAUUSD' })
  symbol: string;

  @ApiProperty({ example: 'Gold' })
  name: string;

  @ApiProperty({ example: 'precious-metal' })
  category: string;

  @ApiProperty({ description: 'Decimal string', example: '4231.55' })
  price: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: 'troy ounce' })
  unit: string;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ example: 'simulated' })
  source: string;

  @ApiPropertyOptional({ description: 'Percent change from the previous update', example: '0.0123' })
  changePercent: string | null;

  @ApiProperty({ description: 'Simulated price, not a market observation' })
  synthetic: boolean;

  @ApiProperty({ description: 'Older than PRICE_STALE_AFTER_MS' })
  stale: boolean;
}

export class PricePointDto {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ example: '4231.55' })
  price: string;

  @ApiProperty({ example: 'simulated' })
  source: string;

  @ApiPropertyOptional({
    example: '4229.10',
    description: 'Bucketed intervals only: first price of the bucket',
  })
  open?: string;

  @ApiPropertyOptional({ example: '4233.80', description: 'Bucketed intervals only' })
  high?: string;

  @ApiPropertyOptional({ example: '4228.95', description: 'Bucketed intervals only' })
  low?: string;

  @ApiPropertyOptional({ example: '4231.55', description: 'Bucketed intervals only: last price, as `price`' })
  close?: string;
}

export class PriceHistoryDto {
  @ApiProperty({ example: 'XAUUSD' })
  symbol: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({
    enum: TICK_INTERVALS,
    description: 'The resolution of `points`: `tick`, or the bucket length (each point at its bucket start)',
  })
  interval: TickInterval;

  @ApiProperty({ type: [PricePointDto] })
  points: PricePointDto[];

  @ApiProperty({ description: 'True when more points exist in the range than `limit`' })
  truncated: boolean;
}
