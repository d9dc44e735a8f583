import { ValidateBy, isISO8601, type ValidationOptions } from 'class-validator';
import { EARLIEST_YEAR } from './calendar-day';

const LATEST_YEAR = 9999;

/**
 * A strict ISO-8601 date or date-time whose UTC instant falls in 1900–9999. Strict parsing already refuses
 * 30 February; the year bound is for the offset: 9999-12-31T23:00:00-05:00 is in year 10000, which
 * toISOString writes as +010000-… and PostgreSQL refuses. A leading sign (-2026-01-01) is refused too:
 * V8 reads it as 2026.
 */
export function isSupportedInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-/.test(value) || !isISO8601(value, { strict: true })) {
    return false;
  }
  const year = new Date(value).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export function IsSupportedInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSupportedInstant',
      validator: {
        validate: (value: unknown) => isSupportedInstant(value),
        defaultMessage: () =>
          `$property must be an ISO-8601 date-time such as 2026-11-23T00:00:00Z, in the years ${EARLIEST_YEAR}–${LATEST_YEAR} (UTC)`,
      },
    },
    options,
  );
}
