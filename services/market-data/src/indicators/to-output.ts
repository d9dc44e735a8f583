import Decimal from 'decimal.js';

/**
 * The one way an indicator value leaves this module: a fixed-point string, half-to-even like the rest of
 * Marketpulse, never "-0.00000000" (a tiny negative rounded to zero is just zero).
 */
export function toOutput(value: Decimal, places = 8): string {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(places);
}
