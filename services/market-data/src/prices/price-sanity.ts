import Decimal from 'decimal.js';

export type InsaneReason = 'not-a-number' | 'not-positive' | 'jump';

/**
 * Why a quote must not be taken as a price, or undefined when it may. A bad feed shows itself as a zero, a
 * negative, a non-number, or a jump by a factor of `maxJump` or more (either way) from the last price the
 * service accepted; real markets do not move 100x between two ticks. With no accepted price yet, only the
 * first three apply.
 */
export function insaneQuote(
  price: string,
  previous: string | undefined,
  maxJump: number,
): InsaneReason | undefined {
  let value: Decimal;
  try {
    value = new Decimal(price);
  } catch {
    return 'not-a-number';
  }
  if (!value.isFinite()) return 'not-a-number';
  if (value.lte(0)) return 'not-positive';
  if (previous === undefined) return undefined;
  const ratio = value.dividedBy(previous);
  return ratio.gte(maxJump) || ratio.lte(new Decimal(1).dividedBy(maxJump)) ? 'jump' : undefined;
}
