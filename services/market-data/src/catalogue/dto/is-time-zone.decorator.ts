import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An IANA zone this runtime knows, e.g. America/New_York; checked by asking Intl to use it. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
          try {
            new Intl.DateTimeFormat('en-US', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be an IANA time zone such as America/New_York',
      },
    },
    options,
  );
}
