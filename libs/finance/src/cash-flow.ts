import type Decimal from 'decimal.js';

/** A dated amount: negative when money goes in (a purchase, a capital call), positive when it comes out. */
export interface CashFlow {
  /** Calendar date, YYYY-MM-DD (UTC). */
  readonly date: string;
  readonly amount: string | Decimal;
}
