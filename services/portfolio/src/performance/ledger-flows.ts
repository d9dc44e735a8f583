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
}

/**
 * Money into and out of the holdings per transaction, in the base currency (`rates`: units of base per
 * unit of each currency). Deposits and withdrawals move cash, not holdings, so they are not flows here.
 * Gross leaves fees out; net counts them as money put in (buys, account fees) or taken from proceeds and
 * income.
 */
export function entryFlows(
  entries: readonly (LedgerEntry & { seq?: number })[],
  rates: ReadonlyMap<string, Decimal>,
  net: boolean,
): EntryFlow[] {
  const flows: EntryFlow[] = [];
  for (const entry of entries) {
    const rate = rates.get(entry.currency);
    if (!rate) continue;
    const fees = net ? money(entry.fees) : ZERO;
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
      flow: flow.times(rate),
      income: income.times(rate),
    });
  }
  return flows;
}

/** The flows of `entryFlows` summed per trade date. */
export function dailyFlows(
  entries: readonly LedgerEntry[],
  rates: ReadonlyMap<string, Decimal>,
  net: boolean,
): Map<string, DailyFlow> {
  const days = new Map<string, DailyFlow>();
  for (const entry of entryFlows(entries, rates, net)) {
    const day = days.get(entry.date) ?? { flow: ZERO, income: ZERO };
    days.set(entry.date, { flow: day.flow.plus(entry.flow), income: day.income.plus(entry.income) });
  }
  return days;
}

/**
 * The investor's cash flows for XIRR, in the base currency: purchases (and net fees) negative, sales and
 * dividends positive, after `from` (exclusive) up to today; the starting value, when there is one, as an
 * initial outflow on `from`, and the current value as a final inflow today.
 */
export function investorCashFlows(
  daily: ReadonlyMap<string, DailyFlow>,
  start: { date: string; value: Decimal } | undefined,
  end: { date: string; value: Decimal },
): { date: string; amount: Decimal }[] {
  const flows: { date: string; amount: Decimal }[] = [];
  if (start && !start.value.isZero()) flows.push({ date: start.date, amount: start.value.negated() });
  for (const [date, day] of [...daily.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (start && date <= start.date) continue;
    const amount = day.income.minus(day.flow);
    if (!amount.isZero()) flows.push({ date, amount });
  }
  if (!end.value.isZero()) flows.push({ date: end.date, amount: end.value });
  return flows;
}
