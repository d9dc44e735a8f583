import type Decimal from 'decimal.js';

/**
 * Standard competition ranking ("1224"), highest first: equal values share a rank and the next rank skips.
 * Entries without a value are not ranked (null).
 */
export function competitionRanks(values: readonly (Decimal | null)[]): (number | null)[] {
  const ranked = values
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: Decimal; index: number } => entry.value !== null)
    .sort((a, b) => b.value.comparedTo(a.value));
  const ranks: (number | null)[] = values.map(() => null);
  ranked.forEach((entry, position) => {
    const previous = ranked[position - 1];
    ranks[entry.index] = previous && previous.value.eq(entry.value) ? ranks[previous.index] : position + 1;
  });
  return ranks;
}
