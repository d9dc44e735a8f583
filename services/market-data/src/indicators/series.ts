import type Decimal from 'decimal.js';
import { toOutput } from './to-output';

/** A value per input bar, aligned with the input; null where there is not enough history yet. */
export type Series = (string | null)[];

/** The same, unrounded: indicators built on other indicators must not compound the output rounding. */
export type DecimalSeries = (Decimal | null)[];

export function toOutputSeries(values: DecimalSeries): Series {
  return values.map((value) => (value === null ? null : toOutput(value)));
}

export function assertPeriod(period: number, what = 'period'): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`${what} must be a positive integer, got ${period}`);
  }
}
