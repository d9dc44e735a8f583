import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The earliest year a date input may name. PostgreSQL has no year 0 ('0000-01-01' was a 500), and no
 * market data here is older than this, so a smaller year is a typo, not a query.
 */
export const EARLIEST_YEAR = 1900;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * YYYY-MM-DD naming a day that exists, from 1900: the shape alone lets 2026-02-30 through to PostgreSQL,
 * and Date.parse rolls it over to 2 March, so the day must survive a round trip through a UTC Date.
 */
export function isCalendarDay(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR) return false;
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

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
