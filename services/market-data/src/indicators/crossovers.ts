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
 * The rule, on d = fast − slow: a cross happens at bar i when sign(d[i]) is non-zero and differs from the
 * sign of the latest earlier bar whose d was non-zero, all bars in between having d = 0 and every bar
 * from that one to i having both values. So:
 * - zero is not a side: touching (+, 0, +) is not a cross, and a bar with d = 0 never signals;
 * - passing through zero over several bars (+, 0, −) is one cross, seen on the − bar. The stricter
 *   "consecutive non-zero signs" rule would drop it altogether although the lines did swap sides;
 * - the first bar never signals (it has no earlier side), nor does the first bar after a gap (a null
 *   value), since what happened in the gap is unknown.
 */
export function crossovers(fast: DecimalSeries, slow: DecimalSeries | Decimal): Crossover[] {
  const result: Crossover[] = [];
  let side = 0;
  fast.forEach((fastValue, index) => {
    const slowValue = Array.isArray(slow) ? slow[index] : slow;
    if (fastValue === null || slowValue === null || slowValue === undefined) {
      side = 0;
      return;
    }
    const sign = fastValue.comparedTo(slowValue);
    if (sign === 0) return;
    if (side !== 0 && sign !== side) result.push({ index, direction: sign > 0 ? 'up' : 'down' });
    side = sign;
  });
  return result;
}
