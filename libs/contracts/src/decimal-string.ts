import { Matches, type ValidationOptions } from 'class-validator';

/**
 * Prices and amounts travel as decimal strings ("2345.1200"), never as JSON numbers, so no consumer
 * ever sees a binary-float rounding of a stored amount.
 */
export const DECIMAL_STRING = /^-?\d{1,20}(\.\d{1,12})?$/;

export function IsDecimalString(options?: ValidationOptions & { positive?: boolean }): PropertyDecorator {
  const pattern = options?.positive ? /^(?!0+(\.0+)?$)\d{1,20}(\.\d{1,12})?$/ : DECIMAL_STRING;
  const what = options?.positive ? 'a positive decimal string' : 'a decimal string';
  return Matches(pattern, { message: `$property must be ${what} such as "1234.5678"`, ...options });
}
