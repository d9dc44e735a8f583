import type Decimal from 'decimal.js';
import type { DecimalSeries } from './series';

export interface Crossover {
  /** Index of the bar on which the cross is seen. */
  index: number;
  /** 'up': fast went from below slow to above it; 'down': the reverse. */
  direction: 'up' | 'down';
}

/**
 * Where `fast` crosses `slow` (another series, or a fixed level such as RSI 70).
 *
 * The rule (issue #3), on d = fast − slow: a cross happens at bar i when bars i − 1 and i both have both
 * values and sign(d[i − 1]) and sign(d[i]) are non-zero and opposite: a strict change of sign between two
 * consecutive bars. So:
 * - touching (+, 0, +) is not a cross, and neither is passing through zero over several bars: in
 *   (+, 0, −) no two consecutive bars have opposite signs. The lines met and parted; a signal on that
 *   would need a memory of sides across bars that the rule deliberately does not have;
 * - the first bar never signals (it has no bar before it), nor does the first bar after a gap (a null
 *   value), since what happened in the gap is unknown.
 */
export function crossovers(fast: DecimalSeries, slow: DecimalSeries | Decimal): Crossover[] {
  const result: Crossover[] = [];
  // sign(d) of the previous bar; 0 when it was zero or missing, which never starts a cross.
  let previous = 0;
  fast.forEach((fastValue, index) => {
    const slowValue = Array.isArray(slow) ? slow[index] : slow;
    if (fastValue === null || slowValue === null || slowValue === undefined) {
      previous = 0;
      return;
    }
    const sign = fastValue.comparedTo(slowValue);
    if (sign !== 0 && previous !== 0 && sign !== previous) {
      result.push({ index, direction: sign > 0 ? 'up' : 'down' });
    }
    previous = sign;
  });
  return result;
}
