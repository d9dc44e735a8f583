import type { Decimal } from 'decimal.js';
import { ZERO } from '../money/money';
import type { EntryFlow } from './ledger-flows';
import type { ValuationPoint } from './time-weighted-return';

/** A value the holdings had, and the last transaction it includes (see snapshots.ledger_seq). */
export interface SeenValue {
  date: string;
  value: Decimal;
  /** Highest ledger seq included in `value`; Infinity for a live value. */
  seenSeq: number;
  /** Anything was held (a quantity other than zero), whether or not it could be valued. */
  held: boolean;
}

/**
 * The points a return is measured over: the starting close, each snapshot after it, and the live value
 * now. A transaction's flow (and income) goes to the first point whose value includes it, not to the
 * point of its trade date: a buy recorded after the snapshot of its day (or backdated, or imported from
 * history) is not in that snapshot, and charging it there would measure 0 / (0 + flow) — a −100 % period
 * — where nothing happened. Flows the starting value already includes are left out.
 */
export function valuationSeries(
  start: SeenValue,
  snapshots: readonly SeenValue[],
  now: { date: string; value: Decimal; held: boolean },
  flows: readonly EntryFlow[],
): ValuationPoint[] {
  const closes: SeenValue[] = [
    ...snapshots.filter((s) => s.date > start.date && s.date < now.date),
    { ...now, seenSeq: Infinity },
  ];
  const none = { flow: ZERO, moneyIn: ZERO, moneyOut: ZERO, income: ZERO };
  const moved = closes.map(() => none);
  for (const entry of flows) {
    if (entry.seq <= start.seenSeq) continue;
    const at = closes.findIndex((close) => close.seenSeq >= entry.seq);
    moved[at] = {
      flow: moved[at].flow.plus(entry.flow),
      moneyIn: moved[at].moneyIn.plus(entry.moneyIn),
      moneyOut: moved[at].moneyOut.plus(entry.moneyOut),
      income: moved[at].income.plus(entry.income),
    };
  }
  return [
    { date: start.date, value: start.value, held: start.held, ...none },
    ...closes.map((close, index) => ({
      date: close.date,
      value: close.value,
      held: close.held,
      ...moved[index],
    })),
  ];
}
