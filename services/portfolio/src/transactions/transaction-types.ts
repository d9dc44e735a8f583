export const TRANSACTION_TYPES = [
  'buy',
  'sell',
  'dividend',
  'fee',
  'deposit',
  'withdrawal',
  'split',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const COST_METHODS = ['average', 'fifo'] as const;
export type CostMethod = (typeof COST_METHODS)[number];

/** Types that carry a quantity and a unit price. */
export const TRADE_TYPES: readonly TransactionType[] = ['buy', 'sell'];
/** Types that carry an amount instead. */
export const AMOUNT_TYPES: readonly TransactionType[] = ['dividend', 'fee', 'deposit', 'withdrawal'];

/** A transaction as the calculators see it: decimal strings, in the order they happened. */
export interface LedgerEntry {
  type: TransactionType;
  /** YYYY-MM-DD */
  tradeDate: string;
  symbol?: string | null;
  /** Shares for buy/sell; new shares per old share for a split. */
  quantity?: string | null;
  price?: string | null;
  /** Total of a dividend, fee, deposit or withdrawal. */
  amount?: string | null;
  currency: string;
  fees: string;
  /**
   * Units of the portfolio's base currency per unit of `currency` when the transaction was recorded;
   * absent when unknown then, recorded before rates were kept, or recorded to another base currency.
   */
  baseRate?: string | null;
}
