import Decimal from 'decimal.js';

/**
 * Money and quantities are computed at 34 significant digits (decimal128) with half-even rounding, and
 * only rounded where they are stored or shown: 8 places for amounts, 10 for quantities.
 */
export const Money = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
export type Money = Decimal;

export const AMOUNT_PLACES = 8;
export const QUANTITY_PLACES = 10;
export const PERCENT_PLACES = 4;

export const money = (value: Decimal.Value): Decimal => new Money(value);
export const ZERO = new Money(0);

/** A stored amount: plain decimal string with 8 places, never an exponent. */
export const toAmount = (value: Decimal): string => value.toFixed(AMOUNT_PLACES);
export const toQuantity = (value: Decimal): string => value.toFixed(QUANTITY_PLACES);
/** A ratio shown as a percent with 4 places, e.g. 0.05 -> "5.0000". */
export const toPercent = (ratio: Decimal): string => ratio.times(100).toFixed(PERCENT_PLACES);
