import type Decimal from 'decimal.js';
import type { ConditionNode } from './condition.ast';
import { conditionToIntervals, DOMAIN } from './condition-intervals';
import { formatInterval } from './interval-set';
import type { Interval, IntervalSet } from './interval-set';

export interface CoverageProblem {
  readonly kind: 'gap' | 'overlap' | 'empty';
  /** `[-0.5, 0)`, `(-100, 2)`, `[1, ∞)`; a single point is `[0, 0]`; `∅` for an option that is never true. */
  readonly interval: string;
  /** 1-based option numbers: none for a gap, two or more for an overlap, one for an empty option. */
  readonly options: number[];
  readonly message: string;
}

/** A stretch of the domain and the options that cover all of it. */
interface Run {
  piece: Interval;
  readonly options: number[];
}

const VARIABLE = 'price_change_percent';

/**
 * Whether the options of a prediction cover every outcome exactly once. Options that can never be true
 * come first, then every gap and overlap from the lowest price_change_percent up; `[]` means the options
 * partition (-100, +∞).
 */
export function checkCoverage(conditions: ConditionNode[], priceAtCreate: Decimal): CoverageProblem[] {
  if (!priceAtCreate.isFinite() || priceAtCreate.lte(0)) {
    throw new RangeError(`price at create must be a positive number, got ${priceAtCreate.toString()}`);
  }
  const sets = conditions.map((condition) => conditionToIntervals(condition, priceAtCreate));
  const empty = sets.flatMap((set, index) => (set.length === 0 ? [emptyOption(index + 1)] : []));
  const sweep = mergeRuns(
    elementaryPieces(sets).map((piece) => ({ piece, options: coveringOptions(sets, piece) })),
  );
  return [
    ...empty,
    ...sweep.flatMap(({ piece, options }) => (options.length === 1 ? [] : [problem(piece, options)])),
  ];
}

// Between two neighbouring endpoints of any option nothing changes, so the domain splits into those
// endpoints and the open stretches between them, and each piece is covered or not as a whole.
function elementaryPieces(sets: IntervalSet[]): Interval[] {
  const endpoints = sets
    .flat()
    .flatMap(({ lower, upper }) => (upper === null ? [lower] : [lower, upper]))
    .filter((point) => point.gt(DOMAIN.lower))
    .sort((a, b) => a.cmp(b))
    .filter((point, index, sorted) => index === 0 || !point.eq(sorted[index - 1]));
  const pieces: Interval[] = [];
  let from = DOMAIN.lower;
  for (const point of endpoints) {
    pieces.push({ lower: from, lowerClosed: false, upper: point, upperClosed: false });
    pieces.push({ lower: point, lowerClosed: true, upper: point, upperClosed: true });
    from = point;
  }
  pieces.push({ lower: from, lowerClosed: false, upper: null, upperClosed: false });
  return pieces;
}

function coveringOptions(sets: IntervalSet[], piece: Interval): number[] {
  return sets.flatMap((set, index) => (set.some((interval) => contains(interval, piece)) ? [index + 1] : []));
}

function contains(outer: Interval, inner: Interval): boolean {
  const lower = outer.lower.cmp(inner.lower);
  const lowerOk = lower < 0 || (lower === 0 && (outer.lowerClosed || !inner.lowerClosed));
  if (outer.upper === null) return lowerOk;
  if (inner.upper === null) return false;
  const upper = outer.upper.cmp(inner.upper);
  return lowerOk && (upper > 0 || (upper === 0 && (outer.upperClosed || !inner.upperClosed)));
}

/** Joins neighbouring pieces covered by the same options, so one gap is one problem. */
function mergeRuns(pieces: Run[]): Run[] {
  const runs: Run[] = [];
  for (const current of pieces) {
    const last = runs.at(-1);
    if (last && last.options.join() === current.options.join()) {
      last.piece = { ...last.piece, upper: current.piece.upper, upperClosed: current.piece.upperClosed };
    } else {
      runs.push({ ...current });
    }
  }
  return runs;
}

function problem(piece: Interval, options: number[]): CoverageProblem {
  const where = isPoint(piece)
    ? `${VARIABLE} = ${piece.lower.toFixed()}`
    : `${VARIABLE} in ${formatInterval(piece)}`;
  if (options.length === 0) {
    return { kind: 'gap', interval: formatInterval(piece), options, message: `no option covers ${where}` };
  }
  const both = options.length === 2 ? 'both' : 'all';
  const message = `options ${listNumbers(options)} ${both} cover ${where}`;
  return { kind: 'overlap', interval: formatInterval(piece), options, message };
}

function emptyOption(option: number): CoverageProblem {
  return { kind: 'empty', interval: '∅', options: [option], message: `option ${option} can never be true` };
}

function isPoint(interval: Interval): boolean {
  return interval.upper !== null && interval.lower.eq(interval.upper);
}

function listNumbers(numbers: number[]): string {
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}
