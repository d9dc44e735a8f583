import { IsBoolean, IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';

/**
 * A daily bar rolled up from the day's ticks is final: the UTC day is over for that symbol. Published
 * once per (symbol, date), at the first price refresh after midnight UTC.
 */
export class CandleClosedV1 {
  @IsSymbol()
  symbol: string;

  /** `1d`: the only interval rolled up so far. */
  @Matches(/^1d$/, { message: 'interval must be 1d' })
  interval: '1d';

  /** The bar's day (UTC). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a YYYY-MM-DD day' })
  date: string;

  @IsDecimalString({ positive: true })
  open: string;

  @IsDecimalString({ positive: true })
  high: string;

  @IsDecimalString({ positive: true })
  low: string;

  @IsDecimalString({ positive: true })
  close: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  /** Source of the closing tick, e.g. `stooq` or `simulated`. */
  @IsString()
  @IsNotEmpty()
  source: string;

  /** True when any tick of the day was simulated. */
  @IsBoolean()
  synthetic: boolean;

  @IsISO8601({ strict: true })
  closedAt: string;
}

export const CandleClosed = defineEvent<CandleClosedV1>({
  type: 'candle.closed',
  version: 1,
  stream: 'MARKET',
  subjectPattern: 'candle.closed.*',
  subject: (p) => `candle.closed.${p.symbol}`,
  payload: CandleClosedV1,
  summary: "A symbol's daily bar, rolled up from its ticks, is closed (the UTC day is over).",
  example: {
    symbol: 'XAUUSD',
    interval: '1d',
    date: '2026-11-23',
    open: '4201.37',
    high: '4239.44',
    low: '4195.62',
    close: '4231.55',
    currency: 'USD',
    source: 'stooq',
    synthetic: false,
    closedAt: '2026-11-24T00:00:04.100Z',
  },
});
