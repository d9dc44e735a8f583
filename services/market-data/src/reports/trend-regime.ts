import type Decimal from 'decimal.js';

export const TREND_REGIMES = [
  'strong-uptrend',
  'uptrend',
  'neutral',
  'downtrend',
  'strong-downtrend',
  'insufficient-history',
] as const;

export type TrendRegime = (typeof TREND_REGIMES)[number];

/**
 * Where the price stands against its 50- and 200-day averages: above both with the 50 over the 200 is a
 * strong uptrend (the golden-cross side), above the 200 only an uptrend; the mirror images below. Without
 * 200 bars there is no long-term trend to speak of.
 */
export function trendRegime(
  close: Decimal | null,
  sma50: Decimal | null,
  sma200: Decimal | null,
): TrendRegime {
  if (close === null || sma50 === null || sma200 === null) return 'insufficient-history';
  if (close.gt(sma200)) return close.gt(sma50) && sma50.gt(sma200) ? 'strong-uptrend' : 'uptrend';
  if (close.lt(sma200)) return close.lt(sma50) && sma50.lt(sma200) ? 'strong-downtrend' : 'downtrend';
  return 'neutral';
}
