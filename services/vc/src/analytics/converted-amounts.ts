import Decimal from 'decimal.js';
import type { CurrencyConverter } from '../fx/currency-converter';

export interface UnconvertedTotal {
  currency: string;
  count: number;
  /** In `currency`, never added to anything else. */
  total: string;
}

export interface ConvertedAmounts<T> {
  /** Items with their amount in the reporting currency. */
  converted: { item: T; amount: Decimal }[];
  /** Items whose currency has no known rate, totalled per currency. */
  unconverted: UnconvertedTotal[];
}

/**
 * Brings amounts of several currencies into one, with the latest `fx.rate.updated` rates. An amount
 * without a rate is not dropped silently nor summed as if it were in the reporting currency: it is set
 * apart and reported per currency.
 */
export function convertAmounts<T>(
  items: readonly T[],
  amountOf: (item: T) => { amount: string; currency: string },
  converter: CurrencyConverter,
  to: string,
): ConvertedAmounts<T> {
  const converted: { item: T; amount: Decimal }[] = [];
  const missing = new Map<string, { count: number; total: Decimal }>();
  for (const item of items) {
    const { amount, currency } = amountOf(item);
    const value = converter.convert(amount, currency, to);
    if (value) {
      converted.push({ item, amount: value });
      continue;
    }
    const entry = missing.get(currency) ?? { count: 0, total: new Decimal(0) };
    entry.count++;
    entry.total = entry.total.plus(amount);
    missing.set(currency, entry);
  }
  const unconverted = [...missing.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, entry]) => ({ currency, count: entry.count, total: entry.total.toFixed(2) }));
  return { converted, unconverted };
}
