import type Decimal from 'decimal.js';
import { toIndicatorDecimals, type DecimalInput } from './indicator-decimal';
import { emaDecimals } from './moving-averages';
import { assertPeriod, toOutputSeries, type DecimalSeries, type Series } from './series';

export interface MacdSeries<T> {
  /** EMA(fast) − EMA(slow), from the first bar where the slow EMA exists. */
  line: T;
  /** EMA(signal) of the line, seeded with the SMA of the line's first `signal` values. */
  signal: T;
  /** line − signal. */
  histogram: T;
}

export interface MacdPeriods {
  fast: number;
  slow: number;
  signal: number;
}

export const DEFAULT_MACD_PERIODS: MacdPeriods = { fast: 12, slow: 26, signal: 9 };

export function macdDecimals(
  closes: readonly Decimal[],
  periods: MacdPeriods = DEFAULT_MACD_PERIODS,
): MacdSeries<DecimalSeries> {
  assertPeriod(periods.fast, 'fast period');
  assertPeriod(periods.slow, 'slow period');
  assertPeriod(periods.signal, 'signal period');
  const fast = emaDecimals(closes, periods.fast);
  const slow = emaDecimals(closes, periods.slow);
  const line: DecimalSeries = closes.map((_, index) => {
    const fastValue = fast[index];
    const slowValue = slow[index];
    return fastValue === null || slowValue === null ? null : fastValue.minus(slowValue);
  });
  // The signal EMA starts where the line does: its SMA seed is the line's first `signal` values, not a
  // window padded with the bars before the line existed.
  // Once the slow EMA exists it exists for every later bar, so the defined values are one contiguous tail.
  const defined = line.filter((value): value is Decimal => value !== null);
  const signal: DecimalSeries = [
    ...line.slice(0, line.length - defined.length).map(() => null),
    ...emaDecimals(defined, periods.signal),
  ];
  const histogram: DecimalSeries = line.map((value, index) => {
    const signalValue = signal[index];
    return value === null || signalValue === null ? null : value.minus(signalValue);
  });
  return { line, signal, histogram };
}

/** MACD(12, 26, 9) by default; arrays aligned with the closes. */
export function macd(
  closes: readonly DecimalInput[],
  periods: MacdPeriods = DEFAULT_MACD_PERIODS,
): MacdSeries<Series> {
  const result = macdDecimals(toIndicatorDecimals(closes, 'closes'), periods);
  return {
    line: toOutputSeries(result.line),
    signal: toOutputSeries(result.signal),
    histogram: toOutputSeries(result.histogram),
  };
}
