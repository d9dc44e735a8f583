import Decimal from 'decimal.js';

/**
 * The decimal every indicator computes in. 34 significant digits (IEEE decimal128) keeps the long EMA and
 * Wilder recurrences, square roots and logarithms far below the 8 places the outputs are rounded to.
 */
export const IndicatorDecimal = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });

/** What the public functions accept for a price: a decimal string, or a Decimal already parsed. */
export type DecimalInput = string | Decimal;

/**
 * Re-creates the value in IndicatorDecimal: a Decimal from another constructor would carry that
 * constructor's precision into every operation it starts. Decimal happily parses "NaN" and "Infinity",
 * which no price is.
 */
export function toIndicatorDecimal(value: DecimalInput, what = 'value'): Decimal {
  let parsed: Decimal;
  try {
    parsed = new IndicatorDecimal(value);
  } catch {
    throw new RangeError(`${what} is not a decimal number: ${String(value)}`);
  }
  if (!parsed.isFinite()) throw new RangeError(`${what} is not a finite decimal number: ${String(value)}`);
  return parsed;
}

export function toIndicatorDecimals(values: readonly DecimalInput[], what = 'value'): Decimal[] {
  return values.map((value, index) => toIndicatorDecimal(value, `${what}[${index}]`));
}
