import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Daily bars signal detection reads per instrument (the newest ones). */
export const SIGNAL_DETECTION_BARS = 800;

/**
 * For the slow period of a moving-average pair: a "pair" whose slow average is not slower than the fast
 * one has no crosses worth the name (detectSignals refuses it, so every instrument's detection would fail).
 */
export function IsSlowerThan(fastProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSlowerThan',
      constraints: [fastProperty],
      validator: {
        validate: (value: unknown, args) => {
          const fast = (args?.object as Record<string, unknown>)[fastProperty];
          return typeof value !== 'number' || typeof fast !== 'number' || value > fast;
        },
        defaultMessage: () => `$property must be greater than ${fastProperty}`,
      },
    },
    options,
  );
}
