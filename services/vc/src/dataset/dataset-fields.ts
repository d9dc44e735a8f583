import { isCalendarDay } from '@marketpulse/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Ties decorators together, the last one applied first (as if stacked above a property). */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** An empty CSV cell means "not given", like a missing JSON field. */
export const EmptyAsMissing = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === '' || value === null ? undefined : value));

/** Amounts arrive as decimal strings (CSV, careful JSON) or as JSON numbers; both become strings. */
const AmountText = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === '' || value === null ? undefined : typeof value === 'number' ? String(value) : value,
  );

export const IsSlug = (what: string, options?: ValidationOptions): PropertyDecorator =>
  Matches(SLUG, { message: `${what} must be a lower-case slug such as helio-robotics`, ...options });

export const IsCurrencyCode = (): PropertyDecorator =>
  Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as USD' });

/** A calendar date that exists (2026-02-30 does not), so the database never sees an impossible one. */
export const isIsoDay = (value: unknown): boolean => isCalendarDay(value);

export const IsIsoDay = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIsoDay',
    validator: {
      validate: isIsoDay,
      defaultMessage: (args) => `${args?.property ?? 'date'} must be a date YYYY-MM-DD that exists`,
    },
  });

/**
 * A decimal string with at most `places` decimals, the scale of its column: a finer amount would be
 * rounded by the database (and could then break a CHECK such as post-money = pre-money + amount), so it is
 * refused here, by line, instead.
 */
function IsMoney(places: number, positive: boolean): PropertyDecorator {
  const digits = `\\d{1,20}(\\.\\d{1,${places}})?`;
  const pattern = new RegExp(positive ? `^(?!0+(\\.0+)?$)${digits}$` : `^${digits}$`);
  const what = positive ? 'a positive amount' : 'an amount';
  return Matches(pattern, {
    message: `$property must be ${what} with at most ${places} decimals, such as "1250000.00"`,
  });
}

/** Money columns are numeric(24, 2); IPO share prices numeric(24, 4). */
export const Amount = (options: { positive?: boolean; places?: number } = {}): PropertyDecorator =>
  all(IsMoney(options.places ?? 2, options.positive ?? false), AmountText());

export const OptionalAmount = (options: { places?: number } = {}): PropertyDecorator =>
  all(IsMoney(options.places ?? 2, true), IsOptional(), AmountText());
