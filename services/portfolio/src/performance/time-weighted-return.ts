import type { Decimal } from 'decimal.js';
import { ZERO, money } from '../money/money';

/** The holdings' value at the end of a day, with what flowed in and what they paid out that day. */
export interface ValuationPoint {
  /** YYYY-MM-DD */
  date: string;
  /** Market value of the holdings at the day's close (of those that could be priced). */
  value: Decimal;
  /**
   * Whether anything was held at the close (a quantity other than zero), priced or not: a value of zero
   * is a sell-out only when nothing is held, not when what is held could not be valued.
   */
  held: boolean;
  /** Net money put into the holdings during the day: moneyIn − moneyOut. */
  flow: Decimal;
  /** Put in during the day: buys, plus fees for net figures. */
  moneyIn: Decimal;
  /** Taken out during the day: sales' proceeds (less their fees for net figures). */
  moneyOut: Decimal;
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
 * the holdings (a buy the day it is valued at that day's close earns nothing by itself).
 *
 * - A period that sells everything (nothing held at its end) ends at its proceeds:
 *   (income + moneyOut) / (V_prev + moneyIn). A sale cannot be taken at the start of the day as if the
 *   holdings had stood idle (that measures 0 / (V_prev + flow), −100 % or nothing), and its proceeds
 *   cannot be netted with a buy of the same period (a round trip would read as proceeds of the sale alone).
 * - A period that cannot be measured contributes no return: nothing invested (V_prev + flow ≤ 0), or one
 *   that starts and ends at nothing (its flow never reached a valued holding: an unpriced symbol, a value
 *   taken before the flow was recorded; 0 / (0 + flow) would wipe the whole return out at −100 % for
 *   good), or one ending with holdings none of which could be valued (held, at a value of zero).
 * - Income of a period with nothing invested (a dividend paid after a sell-out, a snapshot taken between
 *   the sale and the payment) belongs to the holdings that earned it: it is counted as if received in
 *   the last period that had money invested: that period's return becomes (E + income) / B for its end E
 *   and base B, so the index is multiplied by (E + income) / E (kept exact when E is zero, a total loss,
 *   by recomputing that period's factor). Without such a period (nothing valued before it) it is left out.
 */
export function timeWeightedReturn(points: readonly ValuationPoint[]): TimeWeightedReturn {
  let growth = money(1);
  const index = points.length > 0 ? [growth] : [];
  // The last period that had money invested: the growth before it, its base and what it ended at.
  let last: { growthBefore: Decimal; base: Decimal; ended: Decimal } | undefined;
  const measure = (base: Decimal, ended: Decimal) => {
    last = { growthBefore: growth, base, ended };
    growth = growth.times(ended.dividedBy(base));
  };
  for (let i = 1; i < points.length; i++) {
    const { value, held, flow, moneyIn, moneyOut, income } = points[i];
    const before = points[i - 1].value;
    const invested = before.plus(flow);
    const ended = value.plus(income);
    const soldOutBase = before.plus(moneyIn);
    if (!held && moneyOut.greaterThan(0) && soldOutBase.greaterThan(0)) {
      measure(soldOutBase, income.plus(moneyOut));
    } else if (held && value.isZero()) {
      // Held but valued at nothing: unknown, not a −100 % period.
    } else if (invested.greaterThan(0) && !(before.isZero() && ended.isZero())) {
      measure(invested, ended);
    } else if (last && !income.isZero()) {
      last.ended = last.ended.plus(income);
      growth = last.growthBefore.times(last.ended.dividedBy(last.base));
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
