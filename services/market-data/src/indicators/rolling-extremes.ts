import type Decimal from 'decimal.js';
import { assertPeriod, type DecimalSeries } from './series';

/**
 * The maximum (or minimum) of each window of `window` values ending at each index, null before the first
 * full window. A monotonic queue of candidate indexes keeps it linear: 252-bar windows over decades of
 * bars would otherwise cost a comparison per bar per window slot.
 */
export function rollingExtreme(
  values: readonly Decimal[],
  window: number,
  kind: 'max' | 'min',
): DecimalSeries {
  assertPeriod(window, 'window');
  const beats = kind === 'max' ? (a: Decimal, b: Decimal) => a.gte(b) : (a: Decimal, b: Decimal) => a.lte(b);
  const candidates: number[] = [];
  let head = 0;
  return values.map((value, index) => {
    while (candidates.length > head && beats(value, values[candidates[candidates.length - 1]])) {
      candidates.pop();
    }
    candidates.push(index);
    if (candidates[head] <= index - window) head++;
    return index >= window - 1 ? values[candidates[head]] : null;
  });
}
