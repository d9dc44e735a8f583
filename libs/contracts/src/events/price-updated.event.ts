import { IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';

export class PriceUpdatedV1 {
  @IsSymbol()
  symbol: string;

  @IsDecimalString({ positive: true })
  price: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  /** When the price was observed at the source (not when it was published). */
  @IsISO8601({ strict: true })
  asOf: string;

  @IsString()
  @IsNotEmpty()
  source: string;

  /** Price of the previous update, when there was one. */
  @IsOptional()
  @IsDecimalString({ positive: true })
  previousPrice?: string;

  /** Percent change from the previous update, 4 decimal places. */
  @IsOptional()
  @IsDecimalString()
  changePercent?: string;

  /** True for simulated prices; show them labelled as such. */
  @IsBoolean()
  synthetic: boolean;
}

export const PriceUpdated = defineEvent<PriceUpdatedV1>({
  type: 'price.updated',
  version: 1,
  stream: 'MARKET',
  subjectPattern: 'price.updated.*',
  subject: (p) => `price.updated.${p.symbol}`,
  payload: PriceUpdatedV1,
  summary: 'A new price for one symbol of the catalogue.',
  example: {
    symbol: 'XAUUSD',
    price: '2391.4500',
    currency: 'USD',
    asOf: '2026-11-23T09:00:05.000Z',
    source: 'simulated',
    previousPrice: '2390.1000',
    changePercent: '0.0565',
    synthetic: true,
  },
});
