import type { Decimal } from 'decimal.js';
import { ZERO, money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';

export interface DailyFlow {
  flow: Decimal;
  income: Decimal;
}

/** One transaction's money into the holdings and income from them, in the base currency. */
export interface EntryFlow extends DailyFlow {
  /** Trade date, YYYY-MM-DD. */
  date: string;
  /** Recording order within the portfolio (0 when unknown). */
  seq: number;
  /**
   * `flow` split by direction (flow = moneyIn − moneyOut): a sale's proceeds must not be netted with a buy
   * of the same period when the period sells everything (see time-weighted-return.ts).
   */
  moneyIn: Decimal;
  /** Proceeds of a sale (or a deleted buy's shares leaving again), positive. */
  moneyOut: Decimal;
  /** On both flows of a deleted transaction: the seq it was recorded at (the deletion's is later). */
  deletedSeq?: number;
}

/** The direction of one transaction's flow: buys and fees go in, sales come out. */
const directed = (flow: Decimal) => ({
  flow,
  moneyIn: flow.greaterThan(0) ? flow : ZERO,
  moneyOut: flow.lessThan(0) ? flow.negated() : ZERO,
});

/**
 * Money into and out of the holdings per transaction, in the base currency (`rates`: units of base per
 * unit of each currency). Deposits and withdrawals move cash, not holdings, so they are not flows here.
 * Gross leaves fees out; net counts them as money put in (buys, account fees) or taken from proceeds and
 * income.
 *
 * A deleted transaction (`reversedSeq`, see transaction_reversals) that a value saw is still in that
 * value: its shares went in at its seq and come out again at its deletion's, both at its price and trade
 * date, so a value that saw it and the next that did not differ by a flow, not a loss or a gain. Its
 * fees, dividend or account fee were never in any value: they are left out, as if never recorded.
 */
export function entryFlows(
  entries: readonly (LedgerEntry & {
    seq?: number;
    reversedSeq?: number;
    reversedBaseRate?: string | null;
  })[],
  rates: ReadonlyMap<string, Decimal>,
  net: boolean,
): EntryFlow[] {
  const flows: EntryFlow[] = [];
  for (const entry of entries) {
    const today = rates.get(entry.currency);
    if (!today) continue;
    // At the rate of when it was recorded (else today's): a flow goes to the first snapshot whose ledger
    // seq includes it, taken after it was recorded, and is set against values converted at their own
    // day's rate; at today's, a currency move since reads as a gain or a loss (ADR 0012). A deletion's
    // shares leave at the rate of the deletion.
    const rate = entry.baseRate ? money(entry.baseRate) : today;
    const reversed = entry.reversedSeq !== undefined;
    if (reversed && entry.type !== 'buy' && entry.type !== 'sell') continue;
    const fees = net && !reversed ? money(entry.fees) : ZERO;
    let flow = ZERO;
    let income = ZERO;
    switch (entry.type) {
      case 'buy':
        flow = money(entry.quantity!).times(entry.price!).plus(fees);
        break;
      case 'sell':
        flow = money(entry.quantity!).times(entry.price!).minus(fees).negated();
        break;
      case 'dividend':
        income = money(entry.amount!).minus(fees);
        break;
      case 'fee':
        if (net) flow = money(entry.amount!).plus(entry.fees);
        break;
      case 'deposit':
      case 'withdrawal':
      case 'split':
        break;
    }
    if (flow.isZero() && income.isZero()) continue;
    flows.push({
      date: entry.tradeDate,
      seq: entry.seq ?? 0,
      ...directed(flow.times(rate)),
      income: income.times(rate),
      ...(reversed ? { deletedSeq: entry.seq ?? 0 } : {}),
    });
    if (reversed) {
      flows.push({
        date: entry.tradeDate,
        seq: entry.reversedSeq!,
        ...directed(flow.times(entry.reversedBaseRate ? money(entry.reversedBaseRate) : today).negated()),
        income: ZERO,
        deletedSeq: entry.seq ?? 0,
      });
    }
  }
  return flows;
}

/**
 * The investor's cash flows for XIRR, in the base currency: purchases (and net fees) negative, sales and
 * income positive; the starting value, when there is one, as an initial outflow on its day, and the
 * current value as a final inflow. Which flows count is decided as the time-weighted return decides it
 * (see valuation-series.ts): by what the starting value includes (its ledger seq), not by trade date. A
 * transaction recorded after the starting snapshot but dated on or before its day (backdated, imported)
 * is not in that value, so it counts, on the starting day since money cannot go in before the start.
 * So does the deletion of one the starting value saw: its shares are taken back out of that value.
 * A deleted transaction the starting value saw neither side of is left out, both flows: dated alike, they
 * cancel but for the rate's move between recording and deletion (ADR 0012), money that never moved.
 */
export function investorCashFlows(
  flows: readonly EntryFlow[],
  start: { date: string; value: Decimal; seenSeq: number } | undefined,
  end: { date: string; value: Decimal },
): { date: string; amount: Decimal }[] {
  const days = new Map<string, Decimal>();
  if (start) days.set(start.date, start.value.negated());
  for (const entry of flows) {
    if (start && entry.seq <= start.seenSeq) continue;
    // Its deletion comes after it, so the start saw neither (and the end neither, being without it).
    if (entry.deletedSeq !== undefined && (!start || entry.deletedSeq > start.seenSeq)) continue;
    const date = start && entry.date < start.date ? start.date : entry.date;
    days.set(date, (days.get(date) ?? ZERO).plus(entry.income).minus(entry.flow));
  }
  const dated = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([, amount]) => !amount.isZero())
    .map(([date, amount]) => ({ date, amount }));
  if (!end.value.isZero()) dated.push({ date: end.date, amount: end.value });
  return dated;
}
