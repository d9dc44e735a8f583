import type Decimal from 'decimal.js';
import { IndicatorDecimal, toIndicatorDecimals, type DecimalInput } from './indicator-decimal';
import { assertPeriod, toOutputSeries, type DecimalSeries, type Series } from './series';

/** Simple moving average; the window sum is kept running (exact in decimal) so SMA200 stays linear. */
export function smaDecimals(values: readonly Decimal[], period: number): DecimalSeries {
  assertPeriod(period);
  const result: DecimalSeries = [];
  let sum = new IndicatorDecimal(0);
  values.forEach((value, index) => {
    sum = sum.plus(value);
    if (index >= period) sum = sum.minus(values[index - period]);
    result.push(index >= period - 1 ? sum.dividedBy(period) : null);
  });
  return result;
}

/**
 * Exponential moving average, StockCharts convention: the first value is the SMA of the first `period`
 * values, then EMA = (value − previous) × 2/(period + 1) + previous.
 */
export function emaDecimals(values: readonly Decimal[], period: number): DecimalSeries {
  assertPeriod(period);
  const multiplier = new IndicatorDecimal(2).dividedBy(period + 1);
  const result: DecimalSeries = [];
  let previous: Decimal | null = null;
  let seedSum = new IndicatorDecimal(0);
  values.forEach((value, index) => {
    if (previous === null) {
      seedSum = seedSum.plus(value);
      if (index === period - 1) previous = seedSum.dividedBy(period);
    } else {
      previous = value.minus(previous).times(multiplier).plus(previous);
    }
    result.push(previous);
  });
  return result;
}

export function sma(closes: readonly DecimalInput[], period: number): Series {
  return toOutputSeries(smaDecimals(toIndicatorDecimals(closes, 'closes'), period));
}

export function ema(closes: readonly DecimalInput[], period: number): Series {
  return toOutputSeries(emaDecimals(toIndicatorDecimals(closes, 'closes'), period));
}
