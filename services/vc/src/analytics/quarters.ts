import Decimal from 'decimal.js';

/** `2026-Q3` for a `YYYY-MM-DD` date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const number = Number(quarter.slice(6));
  return number === 1 ? `${year - 1}-Q4` : `${year}-Q${number - 1}`;
}

/** Percent change from `before` to `now`, 2 places; undefined when there is nothing to compare with. */
export function changePercent(before: Decimal.Value, now: Decimal.Value): string | undefined {
  const base = new Decimal(before);
  if (base.isZero()) return undefined;
  return new Decimal(now).minus(base).div(base).times(100).toFixed(2);
}
