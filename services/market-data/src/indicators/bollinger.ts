import type Decimal from 'decimal.js';
import {
  IndicatorDecimal,
  toIndicatorDecimal,
  toIndicatorDecimals,
  type DecimalInput,
} from './indicator-decimal';
import { smaDecimals } from './moving-averages';
import { assertPeriod, toOutputSeries, type DecimalSeries, type Series } from './series';

export interface BollingerSeries<T> {
  upper: T;
  middle: T;
  lower: T;
}

/**
 * Bollinger Bands: middle = SMA(period), bands = middle ± multiplier × standard deviation of the same
 * window. The deviation is the population one (divide by N), as Bollinger defines it and StockCharts
 * computes it; the sample one would widen the bands by about 2.6 % at N = 20.
 */
export function bollingerDecimals(
  closes: readonly Decimal[],
  period = 20,
  multiplier: DecimalInput = '2',
): BollingerSeries<DecimalSeries> {
  assertPeriod(period);
  const width = toIndicatorDecimal(multiplier, 'multiplier');
  const middle = smaDecimals(closes, period);
  const upper: DecimalSeries = [];
  const lower: DecimalSeries = [];
  middle.forEach((mean, index) => {
    if (mean === null) {
      upper.push(null);
      lower.push(null);
      return;
    }
    let squares = new IndicatorDecimal(0);
    for (let k = index - period + 1; k <= index; k++) squares = squares.plus(closes[k].minus(mean).pow(2));
    const deviation = squares.dividedBy(period).sqrt().times(width);
    upper.push(mean.plus(deviation));
    lower.push(mean.minus(deviation));
  });
  return { upper, middle, lower };
}

/** Bollinger(20, 2) by default; arrays aligned with the closes. */
export function bollinger(
  closes: readonly DecimalInput[],
  period = 20,
  multiplier: DecimalInput = '2',
): BollingerSeries<Series> {
  const result = bollingerDecimals(toIndicatorDecimals(closes, 'closes'), period, multiplier);
  return {
    upper: toOutputSeries(result.upper),
    middle: toOutputSeries(result.middle),
    lower: toOutputSeries(result.lower),
  };
}
