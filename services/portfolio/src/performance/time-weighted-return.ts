import type { Decimal } from 'decimal.js';
import { ZERO, money } from '../money/money';

/** The holdings' value at the end of a day, with what flowed in and what they paid out that day. */
export interface ValuationPoint {
  /** YYYY-MM-DD */
  date: string;
  /** Market value of the holdings at the day's close. */
  value: Decimal;
  /** Net money put into the holdings during the day (buys, plus fees for net figures) minus sales. */
  flow: Decimal;
  /** Paid out by the holdings during the day (dividends, less their fees for net figures). */
  income: Decimal;
}

export interface TimeWeightedReturn {
  /** Product of (1 + sub-period return) − 1, as a ratio. */
  rate: Decimal;
  /** Growth of 1 at each point (1 at the first), for drawdowns. */
  index: Decimal[];
}

/**
 * Time-weighted return over consecutive points (the first is the starting value; its flow is ignored).
 * Flows are taken at the start of their day, the money then being at work until the close: that day's
 * sub-period return is (V + income) / (V_prev + flow) − 1. This neutralises deposits and withdrawals into
 * the holdings (a buy the day it is valued at that day's close earns nothing by itself). A sub-period with
 * nothing invested (V_prev + flow ≤ 0) contributes no return, and neither does one that starts and ends
 * at nothing: its flow never reached a valued holding (an unpriced symbol, a value taken before the flow
 * was recorded), and 0 / (0 + flow) would wipe the whole return out at −100 % for good. A period that
 * sells everything ends at its proceeds instead (the flows of that period are netted).
 */
export function timeWeightedReturn(points: readonly ValuationPoint[]): TimeWeightedReturn {
  let growth = money(1);
  const index = points.length > 0 ? [growth] : [];
  for (let i = 1; i < points.length; i++) {
    const { value, flow, income } = points[i];
    const before = points[i - 1].value;
    const invested = before.plus(flow);
    const ended = value.plus(income);
    if (value.isZero() && before.greaterThan(0) && flow.isNegative()) {
      // Sold out: the sale cannot have come before the day's prices moved, as if the holdings had stood
      // idle at the previous close (that measures 0 / (V_prev − proceeds), −100 % or nothing): what they
      // ended at is what they were sold for, (income + proceeds) / V_prev.
      growth = growth.times(income.minus(flow).dividedBy(before));
    } else if (invested.greaterThan(0) && !(before.isZero() && ended.isZero())) {
      growth = growth.times(ended.dividedBy(invested));
    }
    index.push(growth);
  }
  return { rate: growth.minus(1), index };
}

/** Largest fall from a running peak, as a positive ratio (0.25 for −25 %); zero for a rising series. */
export function maxDrawdown(index: readonly Decimal[]): Decimal {
  let peak: Decimal | undefined;
  let worst = ZERO;
  for (const level of index) {
    if (!peak || level.greaterThan(peak)) peak = level;
    else if (peak.greaterThan(0)) {
      const fall = peak.minus(level).dividedBy(peak);
      if (fall.greaterThan(worst)) worst = fall;
    }
  }
  return worst;
}
