import Decimal from 'decimal.js';

export interface Distribution {
  count: number;
  total: Decimal;
  mean?: Decimal;
  median?: Decimal;
  lowerQuartile?: Decimal;
  upperQuartile?: Decimal;
}

/**
 * The value at quantile `q` of sorted values, interpolating linearly between the two nearest ranks
 * (Hyndman & Fan type 7: R's default, Excel's QUARTILE.INC).
 */
export function quantile(sorted: readonly Decimal[], q: number): Decimal | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = new Decimal(position).minus(below);
  const low = sorted[below];
  const high = sorted[Math.min(below + 1, sorted.length - 1)];
  return low.plus(high.minus(low).times(fraction));
}

export function distribution(values: readonly Decimal[]): Distribution {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const total = sorted.reduce((sum, value) => sum.plus(value), new Decimal(0));
  if (sorted.length === 0) return { count: 0, total };
  return {
    count: sorted.length,
    total,
    mean: total.div(sorted.length),
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
  };
}
