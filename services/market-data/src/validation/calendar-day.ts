import { isCalendarDay as isDay } from '@marketpulse/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The earliest year a date input may name. PostgreSQL has no year 0 ('0000-01-01' was a 500), and no
 * market data here is older than this, so a smaller year is a typo, not a query.
 */
export const EARLIEST_YEAR = 1900;

/** YYYY-MM-DD naming a day that exists, from 1900. */
export const isCalendarDay = (value: unknown): boolean => isDay(value, EARLIEST_YEAR);

export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => isCalendarDay(value),
        defaultMessage: () =>
          `$property must be a day such as 2026-11-01 (one that exists, from ${EARLIEST_YEAR})`,
      },
    },
    options,
  );
}
