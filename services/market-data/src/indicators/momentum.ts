import type Decimal from 'decimal.js';
import { IndicatorDecimal, toIndicatorDecimals, type DecimalInput } from './indicator-decimal';
import { TRADING_DAYS } from './indicator-windows';
import { rollingExtreme } from './rolling-extremes';
import { assertPeriod, toOutputSeries, type DecimalSeries, type Series } from './series';

export { TRADING_DAYS };

const HUNDRED = new IndicatorDecimal(100);

/** (close − close `bars` bars earlier) / that close × 100; null until that close exists (or is zero). */
export function percentChangeDecimals(closes: readonly Decimal[], bars: number): DecimalSeries {
  assertPeriod(bars, 'bars');
  return closes.map((close, index) => {
    const base = index >= bars ? closes[index - bars] : null;
    return base === null || base.isZero() ? null : close.minus(base).dividedBy(base).times(HUNDRED);
  });
}

export function percentChange(closes: readonly DecimalInput[], bars: number): Series {
  return toOutputSeries(percentChangeDecimals(toIndicatorDecimals(closes, 'closes'), bars));
}

export interface RangePosition<T> {
  /** Highest high of the window ending at (and including) each bar. */
  high: T;
  /** Lowest low of the same window. */
  low: T;
  /** (close − high) / high × 100: zero at the high, negative below it. */
  fromHigh: T;
  /** (close − low) / low × 100: zero at the low, positive above it. */
  fromLow: T;
}

/**
 * The 52-week range: highs and lows (not closes) of the last `window` bars including the current one,
 * 252 by default (365 for a market with a bar every calendar day). Null until a full window exists: a high "of the last 52 weeks" from three months of
 * history would be a different, flattering number.
 */
export function rangePositionDecimals(
  highs: readonly Decimal[],
  lows: readonly Decimal[],
  closes: readonly Decimal[],
  window: number = TRADING_DAYS.year,
): RangePosition<DecimalSeries> {
  const high = rollingExtreme(highs, window, 'max');
  const low = rollingExtreme(lows, window, 'min');
  const distance = (extremes: DecimalSeries) =>
    closes.map((close, index) => {
      const extreme = extremes[index];
      return extreme === null || extreme.isZero()
        ? null
        : close.minus(extreme).dividedBy(extreme).times(HUNDRED);
    });
  return { high, low, fromHigh: distance(high), fromLow: distance(low) };
}

export function rangePosition(
  highs: readonly DecimalInput[],
  lows: readonly DecimalInput[],
  closes: readonly DecimalInput[],
  window: number = TRADING_DAYS.year,
): RangePosition<Series> {
  const result = rangePositionDecimals(
    toIndicatorDecimals(highs, 'highs'),
    toIndicatorDecimals(lows, 'lows'),
    toIndicatorDecimals(closes, 'closes'),
    window,
  );
  return {
    high: toOutputSeries(result.high),
    low: toOutputSeries(result.low),
    fromHigh: toOutputSeries(result.fromHigh),
    fromLow: toOutputSeries(result.fromLow),
  };
}

/**
 * Realised volatility in percent: the sample standard deviation (N − 1) of the last `returns` daily log
 * returns ln(close / previous close), × √(bars a year): 252 by default, 365 where every calendar day has a
 * bar. `returns` returns need returns + 1 closes, so vol20 first exists at index 20. A window touching a
 * non-positive close (no logarithm) is null.
 */
export function realisedVolatilityDecimals(
  closes: readonly Decimal[],
  returns: number,
  barsPerYear: number = TRADING_DAYS.year,
): DecimalSeries {
  assertPeriod(returns, 'returns');
  assertPeriod(barsPerYear, 'barsPerYear');
  const annualisation = new IndicatorDecimal(barsPerYear).sqrt();
  if (returns < 2)
    throw new RangeError(`a sample standard deviation needs at least 2 returns, got ${returns}`);
  const logReturns: DecimalSeries = closes.map((close, index) => {
    const previous = index > 0 ? closes[index - 1] : null;
    return previous !== null && previous.gt(0) && close.gt(0) ? close.dividedBy(previous).ln() : null;
  });
  return closes.map((_, index) => {
    if (index < returns) return null;
    const values = logReturns
      .slice(index - returns + 1, index + 1)
      .filter((value): value is Decimal => value !== null);
    if (values.length < returns) return null;
    const mean = values.reduce((sum, value) => sum.plus(value), new IndicatorDecimal(0)).dividedBy(returns);
    const squares = values.reduce(
      (sum, value) => sum.plus(value.minus(mean).pow(2)),
      new IndicatorDecimal(0),
    );
    return squares
      .dividedBy(returns - 1)
      .sqrt()
      .times(annualisation)
      .times(HUNDRED);
  });
}

export function realisedVolatility(
  closes: readonly DecimalInput[],
  returns: number,
  barsPerYear: number = TRADING_DAYS.year,
): Series {
  return toOutputSeries(
    realisedVolatilityDecimals(toIndicatorDecimals(closes, 'closes'), returns, barsPerYear),
  );
}
