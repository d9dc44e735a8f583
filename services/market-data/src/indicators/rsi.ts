import type Decimal from 'decimal.js';
import { IndicatorDecimal, toIndicatorDecimals, type DecimalInput } from './indicator-decimal';
import { assertPeriod, toOutputSeries, type DecimalSeries, type Series } from './series';

const HUNDRED = new IndicatorDecimal(100);
const FIFTY = new IndicatorDecimal(50);
const ZERO = new IndicatorDecimal(0);

/**
 * Wilder's RSI. The first averages are the simple means of the first `period` gains and losses (so the
 * first value is at index `period`); after that avg = (previous × (period − 1) + current) / period.
 * No losses at all means RSI 100 (StockCharts: "if the average loss becomes zero, RSI becomes 100");
 * no movement at all (both averages zero) is 50 rather than 100, so a flat start is not "overbought".
 */
export function rsiDecimals(closes: readonly Decimal[], period = 14): DecimalSeries {
  assertPeriod(period);
  const result: DecimalSeries = closes.map(() => null);
  let gainSum = new IndicatorDecimal(0);
  let lossSum = new IndicatorDecimal(0);
  let averageGain: Decimal | null = null;
  let averageLoss: Decimal | null = null;
  for (let index = 1; index < closes.length; index++) {
    const change = closes[index].minus(closes[index - 1]);
    const gain = change.gt(0) ? change : ZERO;
    const loss = change.lt(0) ? change.negated() : ZERO;
    if (averageGain === null || averageLoss === null) {
      gainSum = gainSum.plus(gain);
      lossSum = lossSum.plus(loss);
      if (index < period) continue;
      averageGain = gainSum.dividedBy(period);
      averageLoss = lossSum.dividedBy(period);
    } else {
      averageGain = averageGain
        .times(period - 1)
        .plus(gain)
        .dividedBy(period);
      averageLoss = averageLoss
        .times(period - 1)
        .plus(loss)
        .dividedBy(period);
    }
    result[index] = relativeStrengthIndex(averageGain, averageLoss);
  }
  return result;
}

/** 100 − 100 / (1 + RS) with RS = gain / loss, which is 100 × gain / (gain + loss): one division, not two. */
function relativeStrengthIndex(averageGain: Decimal, averageLoss: Decimal): Decimal {
  if (averageLoss.isZero()) return averageGain.isZero() ? FIFTY : HUNDRED;
  return averageGain.times(HUNDRED).dividedBy(averageGain.plus(averageLoss));
}

export function rsi(closes: readonly DecimalInput[], period = 14): Series {
  return toOutputSeries(rsiDecimals(toIndicatorDecimals(closes, 'closes'), period));
}
