import { isCalendarDay } from '@marketpulse/contracts';
import { MAX_TRANSACTION_VALUE } from '../money/decimal-patterns';
import { money } from '../money/money';
import type { KnownSymbol } from '../prices/market-projection.repository';
import type { CreateTransactionDto } from './dto/transaction.dto';
import type { LedgerEntry } from './transaction-types';

const NEEDS_SYMBOL = new Set(['buy', 'sell', 'dividend', 'split']);
const NEEDS_QUANTITY = new Set(['buy', 'sell', 'split']);
const NEEDS_PRICE = new Set(['buy', 'sell']);
const NEEDS_AMOUNT = new Set(['dividend', 'fee', 'deposit', 'withdrawal']);

export type RuleOutcome = { entry: LedgerEntry; note?: string } | { problems: string[] };

/**
 * The rules a transaction must meet beyond its field formats: which fields its type needs (and which it
 * must not have), no date in the future, a symbol the service has a price for, in that symbol's currency.
 * Holdings (selling more than held) are checked when the whole ledger is replayed.
 */
export function checkTransaction(
  input: CreateTransactionDto,
  known: ReadonlyMap<string, KnownSymbol>,
  baseCurrency: string,
  today: string,
): RuleOutcome {
  const problems: string[] = [];
  const { type } = input;
  const require = (present: unknown, field: string, needed: boolean) => {
    if (needed && present === undefined) problems.push(`${field} is required for a ${type}`);
    if (!needed && present !== undefined) problems.push(`${field} does not apply to a ${type}`);
  };
  require(input.quantity, 'quantity', NEEDS_QUANTITY.has(type));
  require(input.price, 'price', NEEDS_PRICE.has(type));
  require(input.amount, 'amount', NEEDS_AMOUNT.has(type));
  if (NEEDS_SYMBOL.has(type) && input.symbol === undefined) problems.push(`symbol is required for a ${type}`);
  if ((type === 'deposit' || type === 'withdrawal') && input.symbol !== undefined) {
    problems.push(`symbol does not apply to a ${type}`);
  }
  if (input.quantity !== undefined && input.price !== undefined) {
    if (money(input.quantity).times(input.price).greaterThanOrEqualTo(MAX_TRANSACTION_VALUE)) {
      problems.push(`quantity × price must be below ${MAX_TRANSACTION_VALUE}`);
    }
  }
  for (const [field, value] of [
    ['amount', input.amount],
    ['fees', input.fees],
  ] as const) {
    if (value !== undefined && money(value).greaterThanOrEqualTo(MAX_TRANSACTION_VALUE)) {
      problems.push(`${field} must be below ${MAX_TRANSACTION_VALUE}`);
    }
  }
  // A split moves no money: fees given with one would be recorded and silently ignored.
  if (type === 'split' && input.fees !== undefined && !money(input.fees).isZero()) {
    problems.push('fees do not apply to a split');
  }
  if (input.date > today) problems.push(`date ${input.date} is in the future (today is ${today} UTC)`);
  if (!isCalendarDay(input.date)) problems.push(`date ${input.date} does not exist`);

  let currency = input.currency;
  if (input.symbol !== undefined) {
    const symbol = known.get(input.symbol);
    if (!symbol) {
      problems.push(`unknown symbol ${input.symbol}: no price has been seen for it`);
    } else if (currency !== undefined && currency !== symbol.currency) {
      problems.push(`${input.symbol} trades in ${symbol.currency}, not ${currency}`);
    } else {
      currency = symbol.currency;
    }
  }
  if (problems.length > 0) return { problems };
  return {
    entry: {
      type,
      tradeDate: input.date,
      symbol: input.symbol ?? null,
      quantity: input.quantity ?? null,
      price: input.price ?? null,
      amount: input.amount ?? null,
      currency: currency ?? baseCurrency,
      fees: input.fees ?? '0',
    },
    note: input.note,
  };
}
