import Decimal from 'decimal.js';
import { IndicatorDecimal, toOutput } from '../indicators';

/** Percentages leave this API with 2 places (half-to-even, like the indicators); prices keep their own. */
export const PERCENT_PLACES = 2;

const HUNDRED = new IndicatorDecimal(100);

/** (to − from) / from × 100 with 2 places; null when there is no base to compare with. */
export function percentFrom(from: string | null, to: string | null): string | null {
  if (from === null || to === null) return null;
  const base = new IndicatorDecimal(from);
  if (base.isZero()) return null;
  return toOutput(new IndicatorDecimal(to).minus(base).dividedBy(base).times(HUNDRED), PERCENT_PLACES);
}

/** An 8-place indicator output (or null) re-rounded to `places`. */
export function roundOutput(value: string | null, places: number): string | null {
  return value === null ? null : toOutput(new IndicatorDecimal(value), places);
}

/** Mean of the percentages that exist, 2 places; null when none does. */
export function meanPercent(values: readonly (string | null)[]): string | null {
  const present = values.filter((value): value is string => value !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((total, value) => total.plus(value), new IndicatorDecimal(0));
  return toOutput(sum.dividedBy(present.length), PERCENT_PLACES);
}

/** Orders decimal strings without floats; nulls last. */
export function compareDecimals(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return new Decimal(a).comparedTo(b);
}
