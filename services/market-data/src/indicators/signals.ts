import type Decimal from 'decimal.js';
import { crossovers } from './crossovers';
import type { DailyBar } from './daily-bar';
import { IndicatorDecimal } from './indicator-decimal';
import { TRADING_DAYS } from './indicator-windows';
import { smaDecimals } from './moving-averages';
import { parseDailyBars } from './parsed-bars';
import { rollingExtreme } from './rolling-extremes';
import { rsiDecimals } from './rsi';
import type { DecimalSeries } from './series';
import { toOutput } from './to-output';

export type SignalType =
  /** SMA50 crosses above / below SMA200. */
  | 'golden_cross'
  | 'death_cross'
  /** The configurable moving-average pair (SMA20 / SMA50 unless `options.pair` says otherwise). */
  | 'pair_golden_cross'
  | 'pair_death_cross'
  /** The close crosses above / below SMA200. */
  | 'price_cross_above_sma200'
  | 'price_cross_below_sma200'
  /** RSI14 crosses above 70 (bearish) / below 30 (bullish). */
  | 'rsi_overbought'
  | 'rsi_oversold'
  /** The close beyond the previous year's (251 bars, 364 for 24/7) highest high / lowest low. */
  | 'new_52w_high'
  | 'new_52w_low';

export type SignalDirection = 'bullish' | 'bearish';

export interface Signal {
  symbol: string;
  /** Date of the bar on which the signal is seen. */
  date: string;
  type: SignalType;
  direction: SignalDirection;
  /**
   * How decisive the bar is, 4 places. For RSI signals, |RSI − level| in RSI points; for every other
   * type, |fast − slow| / slow × 100: the gap between the two lines (or the close and the old extreme)
   * in percent of the slow one.
   */
  strength: string;
  /** The moving value: the fast average, the close, or the RSI. */
  fast?: string;
  /** What it crossed: the slow average, SMA200, the RSI level, or the previous 52-week extreme. */
  slow?: string;
  /** fast − slow. */
  distance?: string;
  /**
   * Bars of the averages compared, so a pair cross says which pair it is: fast and slow for the crosses of
   * two averages, slow alone (200) for the close crossing SMA200; absent for RSI and 52-week signals.
   */
  fastPeriod?: number;
  slowPeriod?: number;
}

export interface SignalOptions {
  /** The second golden/death cross pair, in bars; SMA20 / SMA50 by default. */
  pair?: { fast: number; slow: number };
  /** Bars in the 52-week window, the current one included: 252 by default, 365 for a 24/7 market. */
  yearBars?: number;
}

export const DEFAULT_SIGNAL_PAIR = { fast: 20, slow: 50 } as const;
export const RSI_OVERBOUGHT = 70;
export const RSI_OVERSOLD = 30;

const DIRECTION: Record<SignalType, SignalDirection> = {
  golden_cross: 'bullish',
  death_cross: 'bearish',
  pair_golden_cross: 'bullish',
  pair_death_cross: 'bearish',
  price_cross_above_sma200: 'bullish',
  price_cross_below_sma200: 'bearish',
  rsi_overbought: 'bearish',
  rsi_oversold: 'bullish',
  new_52w_high: 'bullish',
  new_52w_low: 'bearish',
};

/** Signals on one date come out in this order, so the output does not depend on detection order. */
const TYPE_ORDER = Object.keys(DIRECTION) as SignalType[];

const HUNDRED = new IndicatorDecimal(100);

interface Found {
  index: number;
  signal: Signal;
}

/**
 * Every signal over the whole history, sorted by date (then by type, in the order of SignalType). Bars
 * may come in any order; they are sorted by date first. Crosses follow the rule of `crossovers`.
 */
export function detectSignals(
  symbol: string,
  bars: readonly DailyBar[],
  options: SignalOptions = {},
): Signal[] {
  const pair = options.pair ?? DEFAULT_SIGNAL_PAIR;
  if (
    !Number.isInteger(pair.fast) ||
    !Number.isInteger(pair.slow) ||
    pair.fast < 1 ||
    pair.fast >= pair.slow
  ) {
    throw new RangeError(
      `the pair needs integer periods with 1 <= fast < slow, got ${pair.fast}/${pair.slow}`,
    );
  }
  const { dates, high, low, close } = parseDailyBars(bars);
  const found: Found[] = [];
  const add = (
    index: number,
    type: SignalType,
    fast: Decimal,
    slow: Decimal,
    strength: Decimal,
    periods: { fast?: number; slow?: number } = {},
  ) => {
    found.push({
      index,
      signal: {
        symbol,
        date: dates[index],
        type,
        direction: DIRECTION[type],
        strength: toOutput(strength, 4),
        fast: toOutput(fast),
        slow: toOutput(slow),
        distance: toOutput(fast.minus(slow)),
        ...(periods.fast !== undefined ? { fastPeriod: periods.fast } : {}),
        ...(periods.slow !== undefined ? { slowPeriod: periods.slow } : {}),
      },
    });
  };
  const percentGap = (fast: Decimal, slow: Decimal) =>
    slow.isZero() ? new IndicatorDecimal(0) : fast.minus(slow).abs().dividedBy(slow.abs()).times(HUNDRED);
  const lineCrosses = (
    fast: DecimalSeries,
    slow: DecimalSeries,
    up: SignalType,
    down: SignalType,
    periods: { fast?: number; slow: number },
  ) => {
    for (const { index, direction } of crossovers(fast, slow)) {
      // crossovers only reports bars where both values exist.
      const fastValue = fast[index] as Decimal;
      const slowValue = slow[index] as Decimal;
      const type = direction === 'up' ? up : down;
      add(index, type, fastValue, slowValue, percentGap(fastValue, slowValue), periods);
    }
  };

  const sma200 = smaDecimals(close, 200);
  lineCrosses(smaDecimals(close, 50), sma200, 'golden_cross', 'death_cross', { fast: 50, slow: 200 });
  lineCrosses(
    smaDecimals(close, pair.fast),
    smaDecimals(close, pair.slow),
    'pair_golden_cross',
    'pair_death_cross',
    pair,
  );
  lineCrosses(close, sma200, 'price_cross_above_sma200', 'price_cross_below_sma200', { slow: 200 });

  const rsi = rsiDecimals(close, 14);
  const levelCrosses = (level: number, wanted: 'up' | 'down', type: SignalType) => {
    const levelValue = new IndicatorDecimal(level);
    for (const { index, direction } of crossovers(rsi, levelValue)) {
      if (direction !== wanted) continue;
      const value = rsi[index] as Decimal;
      add(index, type, value, levelValue, value.minus(levelValue).abs());
    }
  };
  levelCrosses(RSI_OVERBOUGHT, 'up', 'rsi_overbought');
  levelCrosses(RSI_OVERSOLD, 'down', 'rsi_oversold');

  // A new 52-week high: the close of bar i above the highest high of bars i−251 … i−1, so the window and
  // the bar make 252 trading days (or 365 calendar days for 24/7, see `yearBars`). Strictly above
  // (equalling the old high is not a new one), and only with all earlier bars of the window present: with
  // less history the "52-week" extreme is not known. Every bar that closes beyond the old extreme
  // signals, including successive days of one breakout.
  const lookback = (options.yearBars ?? TRADING_DAYS.year) - 1;
  const previousHigh = rollingExtreme(high, lookback, 'max');
  const previousLow = rollingExtreme(low, lookback, 'min');
  close.forEach((value, index) => {
    const highBefore = index > 0 ? previousHigh[index - 1] : null;
    const lowBefore = index > 0 ? previousLow[index - 1] : null;
    if (highBefore !== null && value.gt(highBefore)) {
      add(index, 'new_52w_high', value, highBefore, percentGap(value, highBefore));
    }
    if (lowBefore !== null && value.lt(lowBefore)) {
      add(index, 'new_52w_low', value, lowBefore, percentGap(value, lowBefore));
    }
  });

  return found
    .sort(
      (a, b) => a.index - b.index || TYPE_ORDER.indexOf(a.signal.type) - TYPE_ORDER.indexOf(b.signal.type),
    )
    .map(({ signal }) => signal);
}
