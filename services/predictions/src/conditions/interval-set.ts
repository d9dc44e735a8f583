import type Decimal from 'decimal.js';

/** A stretch of the real line; `upper: null` is +∞ (nothing here reaches down to -∞). */
export interface Interval {
  readonly lower: Decimal;
  readonly lowerClosed: boolean;
  readonly upper: Decimal | null;
  readonly upperClosed: boolean;
}

/** Sorted, disjoint and never touching, so one set has one spelling. */
export type IntervalSet = readonly Interval[];

type LowerBound = Pick<Interval, 'lower' | 'lowerClosed'>;
type UpperBound = Pick<Interval, 'upper' | 'upperClosed'>;

export function isEmptyInterval({ lower, lowerClosed, upper, upperClosed }: Interval): boolean {
  if (upper === null) return false;
  const order = lower.cmp(upper);
  return order > 0 || (order === 0 && !(lowerClosed && upperClosed));
}

/** Any intervals, in any order, overlapping or not, as a set. */
export function union(...sets: IntervalSet[]): IntervalSet {
  const sorted = sets.flat().filter((interval) => !isEmptyInterval(interval));
  sorted.sort((a, b) => a.lower.cmp(b.lower) || Number(b.lowerClosed) - Number(a.lowerClosed));
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && touches(last, interval))
      merged[merged.length - 1] = { ...lowerOf(last), ...higherUpper(last, interval) };
    else merged.push(interval);
  }
  return merged;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  return union(
    a.flatMap((left) => b.map((right) => ({ ...higherLower(left, right), ...lowerUpper(left, right) }))),
  );
}

/** The part of `within` outside `set`. */
export function complement(set: IntervalSet, within: Interval): IntervalSet {
  const gaps: Interval[] = [];
  let from: LowerBound = lowerOf(within);
  for (const interval of intersect(set, [within])) {
    gaps.push({ ...from, upper: interval.lower, upperClosed: !interval.lowerClosed });
    if (interval.upper === null) return union(gaps);
    from = { lower: interval.upper, lowerClosed: !interval.upperClosed };
  }
  return union([...gaps, { ...from, ...upperOf(within) }]);
}

/** `[-0.5, 0)`, `(-100, 1]`, `[1, ∞)`; toFixed never writes an exponent or trailing zeros. */
export function formatInterval({ lower, lowerClosed, upper, upperClosed }: Interval): string {
  const upperText = upper === null ? '∞' : upper.toFixed();
  return `${lowerClosed ? '[' : '('}${lower.toFixed()}, ${upperText}${upperClosed ? ']' : ')'}`;
}

function touches(left: Interval, right: Interval): boolean {
  if (left.upper === null) return true;
  const order = right.lower.cmp(left.upper);
  return order < 0 || (order === 0 && (left.upperClosed || right.lowerClosed));
}

function lowerOf({ lower, lowerClosed }: Interval): LowerBound {
  return { lower, lowerClosed };
}

function upperOf({ upper, upperClosed }: Interval): UpperBound {
  return { upper, upperClosed };
}

function higherLower(a: Interval, b: Interval): LowerBound {
  const order = a.lower.cmp(b.lower);
  if (order !== 0) return lowerOf(order > 0 ? a : b);
  return { lower: a.lower, lowerClosed: a.lowerClosed && b.lowerClosed };
}

function lowerUpper(a: Interval, b: Interval): UpperBound {
  if (a.upper === null || b.upper === null) return upperOf(a.upper === null ? b : a);
  const order = a.upper.cmp(b.upper);
  if (order !== 0) return upperOf(order < 0 ? a : b);
  return { upper: a.upper, upperClosed: a.upperClosed && b.upperClosed };
}

function higherUpper(a: Interval, b: Interval): UpperBound {
  if (a.upper === null || b.upper === null) return { upper: null, upperClosed: false };
  const order = a.upper.cmp(b.upper);
  if (order !== 0) return upperOf(order > 0 ? a : b);
  return { upper: a.upper, upperClosed: a.upperClosed || b.upperClosed };
}
