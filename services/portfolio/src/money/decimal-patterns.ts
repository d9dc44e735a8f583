/**
 * Decimal strings as the columns store them exactly, so nothing is rounded on the way in and nothing
 * overflows into a 500: prices numeric(24, 8), amounts and fees numeric(28, 8) (two integer digits short
 * of the column, left for sums), quantities numeric(28, 10).
 */
const positive = (integerDigits: number, places: number) =>
  new RegExp(`^(?!0+(\\.0+)?$)\\d{1,${integerDigits}}(\\.\\d{1,${places}})?$`);

export const POSITIVE_QUANTITY = positive(18, 10);
export const POSITIVE_PRICE = positive(16, 8);
export const POSITIVE_AMOUNT = positive(18, 8);
export const NON_NEGATIVE_AMOUNT = /^\d{1,18}(\.\d{1,8})?$/;

const shape = (integerDigits: number, places: number, example: string) =>
  `a positive decimal string such as "${example}", at most ${integerDigits} digits before the point and ` +
  `${places} after`;
export const QUANTITY_SHAPE = shape(18, 10, '10.5');
export const PRICE_SHAPE = shape(16, 8, '187.25');
export const AMOUNT_SHAPE = shape(18, 8, '12.50');

/**
 * The most one transaction may move, in its currency: far above any real trade, and low enough that the
 * sums of a ledger, converted at any rate, stay inside numeric(28, 8).
 */
export const MAX_TRANSACTION_VALUE = '1000000000000000';
