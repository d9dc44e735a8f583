import type { Decimal } from 'decimal.js';
import { ZERO, money } from '../money/money';
import type { SeenValue } from './valuation-series';

/** A value of the portfolio's holdings, with each holding's part of it (see snapshots.holdings). */
export interface HoldingsPoint extends SeenValue {
  /** Value per symbol held then, in the base currency; null when it had no price or FX rate then. */
  holdings: ReadonlyMap<string, string | null>;
}

/** One holding's points, ready for `rangeReturns`. */
export interface HoldingSeries {
  start: SeenValue;
  snapshots: SeenValue[];
  now: { date: string; value: Decimal; held: boolean };
}

/**
 * One holding's values at the portfolio's points. A holding missing from a point was not held then: zero.
 * One held without a value (no price or rate that day) is unknown, not zero: the point is left out for
 * it, so its flows go to the next point that values it (a zero would measure a −100 % period and then
 * growth from nothing), and an unknown start moves to the first point that values it, as the portfolio's
 * start does when no snapshot covers it. Undefined when the holding has no value now.
 */
export function holdingSeries(
  symbol: string,
  start: HoldingsPoint,
  snapshots: readonly HoldingsPoint[],
  now: { date: string; value: Decimal | undefined; held: boolean },
): HoldingSeries | undefined {
  if (!now.value) return undefined;
  const known: SeenValue[] = [];
  for (const point of [start, ...snapshots.filter((s) => s.date > start.date && s.date < now.date)]) {
    const value = point.holdings.get(symbol);
    if (value === null) continue;
    known.push({
      date: point.date,
      value: value === undefined ? ZERO : money(value),
      seenSeq: point.seenSeq,
      held: value !== undefined,
    });
  }
  const [first, ...rest] = known;
  return {
    start: first ?? { date: now.date, value: now.value, seenSeq: Infinity, held: now.held },
    snapshots: rest,
    now: { date: now.date, value: now.value, held: now.held },
  };
}
