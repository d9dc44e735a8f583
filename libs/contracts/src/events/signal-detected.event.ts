import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';

export const SIGNAL_TYPES = [
  'golden_cross',
  'death_cross',
  'pair_golden_cross',
  'pair_death_cross',
  'price_cross_above_sma200',
  'price_cross_below_sma200',
  'rsi_overbought',
  'rsi_oversold',
  'new_52w_high',
  'new_52w_low',
] as const;
export type SignalTypeV1 = (typeof SIGNAL_TYPES)[number];

/**
 * An indicator signal on a daily bar: a moving-average cross (50/200, or the configured fast/slow pair),
 * the close crossing its 200-day average, RSI leaving 30/70, a new 52-week extreme. Published once per
 * (symbol, date, type).
 */
export class SignalDetectedV1 {
  @IsSymbol()
  symbol: string;

  /** The bar's day (UTC). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a YYYY-MM-DD day' })
  date: string;

  @IsIn(SIGNAL_TYPES)
  type: SignalTypeV1;

  @IsIn(['bullish', 'bearish'])
  direction: 'bullish' | 'bearish';

  /** |fast − slow| / slow × 100 (RSI signals: RSI points beyond the level), 4 places. */
  @IsDecimalString()
  strength: string;

  /** The moving value: the fast average, the close, or the RSI. */
  @IsOptional()
  @IsDecimalString()
  fast?: string;

  /** What it crossed: the slow average, the 200-day, the RSI level, the previous 52-week extreme. */
  @IsOptional()
  @IsDecimalString()
  slow?: string;

  /** fast − slow. */
  @IsOptional()
  @IsDecimalString()
  distance?: string;

  /**
   * Bars of the fast average of a moving-average cross (50 for golden/death, the configured pair's fast
   * period for pair_*); absent where the moving value is the close or the RSI. Added after v1's first
   * release: consumers must not require it.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  fastPeriod?: number;

  /** Bars of the slow average crossed (200, or the configured pair's slow period); absent for RSI and 52-week. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  slowPeriod?: number;

  /**
   * True when a bar the signal was computed from is synthetic (simulated history, not observed prices).
   * Added after v1's first release: absent from older events, which did not say.
   */
  @IsOptional()
  @IsBoolean()
  synthetic?: boolean;

  @IsISO8601({ strict: true })
  detectedAt: string;
}

export const SignalDetected = defineEvent<SignalDetectedV1>({
  type: 'signal.detected',
  version: 1,
  stream: 'MARKET',
  subjectPattern: 'signal.detected.*',
  subject: (p) => `signal.detected.${p.symbol}`,
  payload: SignalDetectedV1,
  summary:
    'An indicator signal on a daily bar (moving-average cross, 200-day cross, RSI 30/70, 52-week extreme).',
  example: {
    symbol: 'XAUUSD',
    date: '2026-11-23',
    type: 'golden_cross',
    direction: 'bullish',
    strength: '0.0412',
    fast: '4012.55120000',
    slow: '4010.90000000',
    distance: '1.65120000',
    fastPeriod: 50,
    slowPeriod: 200,
    synthetic: false,
    detectedAt: '2026-11-24T08:00:01.200Z',
  },
});
