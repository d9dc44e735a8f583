import type { Decimal } from 'decimal.js';
import { ZERO, money } from '../money/money';
import type { CostMethod, LedgerEntry } from './transaction-types';

/** A holding derived from the ledger, in the instrument's currency. Closed positions stay (realised P&L). */
export interface DerivedPosition {
  symbol: string;
  currency: string;
  quantity: Decimal;
  /** Cost of the shares still held (fees excluded: they reduce net, not gross, performance). */
  costBasis: Decimal;
  /** Cost of every share ever bought. */
  invested: Decimal;
  realisedPnl: Decimal;
  dividends: Decimal;
  fees: Decimal;
  /** Trade date of the buy that last took the quantity up from zero: where "since purchase" starts. */
  openedOn: string;
  /** The day of the latest buy, sale or split, the quantity held before it and the money put in on it. */
  lastTradeDay?: string;
  preTradeQuantity: Decimal;
  tradeDayFlow: Decimal;
}

export interface Ledger {
  positions: Map<string, DerivedPosition>;
  cash: Map<string, Decimal>;
  /** Fees not tied to a symbol (account fees), per currency. */
  accountFees: Map<string, Decimal>;
}

/** A sell (or the deletion of a buy) would leave a negative holding. */
export class OversellError extends Error {
  constructor(
    readonly symbol: string,
    readonly tradeDate: string,
    readonly held: string,
    readonly wanted: string,
    /** The sale, as it was passed in (with whatever identifies it to the caller). */
    readonly entry?: LedgerEntry,
  ) {
    super(`selling ${wanted} ${symbol} on ${tradeDate} but only ${held} held then`);
    this.name = 'OversellError';
  }
}

interface Lot {
  quantity: Decimal;
  unitCost: Decimal;
}

/**
 * Replays the ledger in date order (entries of one day in the order they were recorded). Average cost:
 * a sale takes its share of the pooled cost. FIFO: a sale consumes the oldest lots first.
 */
export function derivePositions(entries: readonly LedgerEntry[], method: CostMethod): Ledger {
  const positions = new Map<string, DerivedPosition>();
  const lots = new Map<string, Lot[]>();
  const cash = new Map<string, Decimal>();
  const accountFees = new Map<string, Decimal>();
  const addCash = (currency: string, delta: Decimal) =>
    cash.set(currency, (cash.get(currency) ?? ZERO).plus(delta));

  for (const entry of entries) {
    const fees = money(entry.fees);
    const position = entry.symbol ? positions.get(entry.symbol) : undefined;
    switch (entry.type) {
      case 'buy': {
        const quantity = money(entry.quantity!);
        const cost = quantity.times(entry.price!);
        const held = position ?? open(positions, entry);
        if (held.quantity.isZero()) held.openedOn = entry.tradeDate;
        trading(held, entry.tradeDate, cost);
        held.quantity = held.quantity.plus(quantity);
        held.costBasis = held.costBasis.plus(cost);
        held.invested = held.invested.plus(cost);
        held.fees = held.fees.plus(fees);
        if (method === 'fifo') lotsOf(lots, entry.symbol!).push({ quantity, unitCost: money(entry.price!) });
        addCash(entry.currency, cost.plus(fees).negated());
        break;
      }
      case 'sell': {
        const quantity = money(entry.quantity!);
        const held = position?.quantity ?? ZERO;
        if (!position || quantity.greaterThan(held)) {
          throw new OversellError(entry.symbol!, entry.tradeDate, held.toFixed(), quantity.toFixed(), entry);
        }
        const costOut =
          method === 'fifo'
            ? consumeLots(lotsOf(lots, entry.symbol!), quantity)
            : position.costBasis.times(quantity).dividedBy(held);
        const proceeds = quantity.times(entry.price!);
        trading(position, entry.tradeDate, proceeds.negated());
        position.quantity = held.minus(quantity);
        // A fully closed position has no cost left, whatever a repeating division left behind.
        position.costBasis = position.quantity.isZero() ? ZERO : position.costBasis.minus(costOut);
        position.realisedPnl = position.realisedPnl.plus(proceeds.minus(costOut));
        position.fees = position.fees.plus(fees);
        addCash(entry.currency, proceeds.minus(fees));
        break;
      }
      case 'dividend': {
        const held = position ?? open(positions, entry);
        held.dividends = held.dividends.plus(entry.amount!);
        held.fees = held.fees.plus(fees);
        addCash(entry.currency, money(entry.amount!).minus(fees));
        break;
      }
      case 'fee': {
        const amount = money(entry.amount!).plus(fees);
        if (entry.symbol) {
          const held = position ?? open(positions, entry);
          held.fees = held.fees.plus(amount);
        } else {
          accountFees.set(entry.currency, (accountFees.get(entry.currency) ?? ZERO).plus(amount));
        }
        addCash(entry.currency, amount.negated());
        break;
      }
      case 'deposit':
        addCash(entry.currency, money(entry.amount!).minus(fees));
        break;
      case 'withdrawal':
        addCash(entry.currency, money(entry.amount!).plus(fees).negated());
        break;
      case 'split': {
        const ratio = money(entry.quantity!);
        if (position) {
          trading(position, entry.tradeDate, ZERO);
          position.quantity = position.quantity.times(ratio);
          for (const lot of lotsOf(lots, entry.symbol!)) {
            lot.quantity = lot.quantity.times(ratio);
            lot.unitCost = lot.unitCost.dividedBy(ratio);
          }
        }
        break;
      }
    }
  }
  return { positions, cash, accountFees };
}

/** Before a buy, sale or split changes the position: starts a new trade day, adds the money put in. */
function trading(position: DerivedPosition, day: string, moneyIn: Decimal): void {
  if (position.lastTradeDay !== day) {
    position.lastTradeDay = day;
    position.preTradeQuantity = position.quantity;
    position.tradeDayFlow = ZERO;
  }
  position.tradeDayFlow = position.tradeDayFlow.plus(moneyIn);
}

function open(positions: Map<string, DerivedPosition>, entry: LedgerEntry): DerivedPosition {
  const created: DerivedPosition = {
    symbol: entry.symbol!,
    currency: entry.currency,
    quantity: ZERO,
    costBasis: ZERO,
    invested: ZERO,
    realisedPnl: ZERO,
    dividends: ZERO,
    fees: ZERO,
    openedOn: entry.tradeDate,
    preTradeQuantity: ZERO,
    tradeDayFlow: ZERO,
  };
  positions.set(entry.symbol!, created);
  return created;
}

function lotsOf(lots: Map<string, Lot[]>, symbol: string): Lot[] {
  let list = lots.get(symbol);
  if (!list) lots.set(symbol, (list = []));
  return list;
}

/** Takes `quantity` from the oldest lots; returns their cost. */
function consumeLots(lots: Lot[], quantity: Decimal): Decimal {
  let remaining = quantity;
  let cost = ZERO;
  while (remaining.greaterThan(0) && lots.length > 0) {
    const lot = lots[0];
    const taken = lot.quantity.lessThan(remaining) ? lot.quantity : remaining;
    cost = cost.plus(taken.times(lot.unitCost));
    lot.quantity = lot.quantity.minus(taken);
    remaining = remaining.minus(taken);
    if (lot.quantity.isZero()) lots.shift();
  }
  return cost;
}
