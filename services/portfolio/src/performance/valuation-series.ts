import type { Decimal } from 'decimal.js';
import { ZERO } from '../money/money';
import type { DailyFlow } from './ledger-flows';
import type { ValuationPoint } from './time-weighted-return';

/**
 * The points a return is measured over: the starting close, each snapshot after it, and the live value
 * now; each point carries the flows and income of the days since the one before.
 */
export function valuationSeries(
  start: { date: string; value: Decimal },
  snapshots: readonly { date: string; value: Decimal }[],
  now: { date: string; value: Decimal },
  daily: ReadonlyMap<string, DailyFlow>,
): ValuationPoint[] {
  const points: ValuationPoint[] = [{ date: start.date, value: start.value, flow: ZERO, income: ZERO }];
  const days = [...daily.keys()].sort();
  const closes = [...snapshots.filter((s) => s.date > start.date && s.date < now.date), now];
  for (const close of closes) {
    const previous = points[points.length - 1].date;
    let flow = ZERO;
    let income = ZERO;
    for (const day of days) {
      if (day > previous && day <= close.date) {
        flow = flow.plus(daily.get(day)!.flow);
        income = income.plus(daily.get(day)!.income);
      }
    }
    points.push({ date: close.date, value: close.value, flow, income });
  }
  return points;
}
