import Decimal from 'decimal.js';
import type { CashFlow } from './cash-flow';

export type XirrResult =
  | {
      readonly defined: true;
      readonly rate: Decimal;
      /** Solver steps taken: in binary floating point, then in decimal. */
      readonly iterations: number;
    }
  | { readonly defined: false; readonly reason: string };

/**
 * Forty digits for the decimal steps. Discount factors are products of one day's factor (see npvAt), so
 * each carries at most a few thousand roundings of 1e-40 and the NPV keeps far more digits than the
 * twelve decimals of the rate need, even when large flows cancel.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Growth factors 1 + r scanned for a sign change: from -99.9999 % to +999,999 % a year. */
const MIN_FACTOR = 1e-6;
const MAX_FACTOR = 1e4;
const SCAN_POINTS = 600;
const MAX_ITERATIONS = 200;
/** Some tens of ulps: below this a double-precision step is noise, and the decimal steps take over. */
const FLOAT_TOLERANCE = 1e-14;
const TOLERANCE = new D('1e-16');
const RATE_DECIMALS = 12;

/** Net amounts by day, ascending, days counted from the first flow. */
interface Flows {
  readonly days: readonly number[];
  readonly amounts: readonly Decimal[];
  readonly floatAmounts: readonly number[];
  /** The distinct numbers of days from one flow to the next (the first: from day 0), ascending. */
  readonly gaps: readonly number[];
  /** For each flow, the index in `gaps` of its distance from the previous one. */
  readonly gapOf: readonly number[];
}

/** Where the scan saw the NPV change sign, with the sign at the low end. */
interface Bracket {
  readonly low: number;
  readonly high: number;
  readonly lowIsNegative: boolean;
}

/**
 * The annual rate r at which the net present value of dated cash flows is zero, on an actual/365 day count
 * as spreadsheet XIRR defines it: Σ amountᵢ / (1 + r)^((dᵢ − d₀) / 365) = 0.
 *
 * Unlike a bare Newton iteration, it never returns a number that does not solve the equation: it first looks
 * for where the NPV changes sign over the whole range of plausible rates, and reports "not defined" with the
 * reason when there is no such place (all flows one way, or no rate can balance them) or when there are
 * several (the flows admit more than one rate and none of them is *the* return). The one root is then
 * narrowed by a safeguarded Newton step that falls back to bisection: in doubles until they run out of
 * digits, then in decimal, where starting that close it takes one step and a second to confirm it.
 */
export function xirr(cashFlows: readonly CashFlow[]): XirrResult {
  const parsed = parseFlows(cashFlows);
  if ('reason' in parsed) return { defined: false, reason: parsed.reason };
  const dated = parsed.flows;

  if (!dated.some((flow) => flow.amount.isNegative()) || !dated.some((flow) => flow.amount.isPositive())) {
    return { defined: false, reason: 'the cash flows need at least one negative and one positive amount' };
  }
  if (dated.every((flow) => flow.day === dated[0].day)) {
    return {
      defined: false,
      reason: 'all cash flows fall on one date, so no rate of return over time exists',
    };
  }

  const flows = byDay(dated);
  const brackets = signChanges(flows);
  if (brackets.length === 0) {
    return {
      defined: false,
      reason: 'no rate between -99.9999 % and +999,900 % a year brings the net present value to zero',
    };
  }
  if (brackets.length > 1) {
    const approx = brackets.map((bracket) => percent(bisect(flows, bracket) - 1)).join(', ');
    return {
      defined: false,
      reason: `the cash flows admit several rates of return (about ${approx}), so none of them is the return`,
    };
  }
  const start = floatRoot(flows, brackets[0]);
  return refine(flows, brackets[0], start);
}

function parseFlows(
  cashFlows: readonly CashFlow[],
): { flows: { day: number; amount: Decimal }[] } | { reason: string } {
  if (cashFlows.length < 2) return { reason: 'at least two cash flows are needed' };
  const dated: { day: number; amount: Decimal }[] = [];
  for (const [index, flow] of cashFlows.entries()) {
    const day = dayNumber(flow.date);
    if (day === undefined) return { reason: `cash flow ${index + 1} has an invalid date '${flow.date}'` };
    let amount: Decimal;
    try {
      amount = new D(flow.amount.toString());
    } catch {
      return { reason: `cash flow ${index + 1} has an invalid amount '${String(flow.amount)}'` };
    }
    if (!amount.isFinite())
      return { reason: `cash flow ${index + 1} has an invalid amount '${String(flow.amount)}'` };
    dated.push({ day, amount });
  }
  return { flows: dated };
}

/**
 * Flows of one day share a discount factor, so they are added first (exactly: they are money); a day that
 * nets to zero adds nothing to the NPV. The checks on signs and dates in xirr look at the flows as given.
 */
function byDay(dated: readonly { day: number; amount: Decimal }[]): Flows {
  const first = Math.min(...dated.map((flow) => flow.day));
  const sums = new Map<number, Decimal>();
  for (const flow of dated) {
    const day = flow.day - first;
    const sum = sums.get(day);
    sums.set(day, sum ? sum.plus(flow.amount) : flow.amount);
  }
  const netted = [...sums.entries()].filter(([, amount]) => !amount.isZero()).sort(([a], [b]) => a - b);
  const days = netted.map(([day]) => day);
  const amounts = netted.map(([, amount]) => amount);
  const between = days.map((day, i) => day - (i === 0 ? 0 : days[i - 1]));
  const gaps = [...new Set(between)].sort((a, b) => a - b);
  const indexOf = new Map(gaps.map((gap, index) => [gap, index]));
  const gapOf = between.map((gap) => indexOf.get(gap)!);
  return { days, amounts, floatAmounts: amounts.map((amount) => amount.toNumber()), gaps, gapOf };
}

function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

/**
 * NPV at growth factor x in doubles, with its derivative d/dx = −Σ dayᵢ·aᵢ·x^(−dayᵢ/365) / (365·x).
 * A flow's discount x^(−day/365) is the previous flow's times x^(−gap/365), with one power per distinct
 * gap: a multiplication per flow instead of a power, which is what makes a 600-point scan of a thousand
 * flows cheap. The products drift by about one ulp per flow, far less than the scan and the first steps
 * need; the decimal steps do not inherit it.
 */
function floatNpv(flows: Flows, x: number, withSlope: boolean): { value: number; slope: number } {
  const day = x ** (-1 / DAYS_PER_YEAR);
  const steps = flows.gaps.map((gap) => day ** gap);
  let discount = 1;
  let value = 0;
  let weighted = 0;
  for (let i = 0; i < flows.days.length; i++) {
    discount *= steps[flows.gapOf[i]];
    const term = flows.floatAmounts[i] * discount;
    value += term;
    if (withSlope) weighted += flows.days[i] * term;
  }
  return { value, slope: -weighted / (DAYS_PER_YEAR * x) };
}

/** A root inside a bracket to float precision, good enough to name it in a message. */
function bisect(flows: Flows, { low, high, lowIsNegative }: Bracket): number {
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (floatNpv(flows, middle, false).value < 0 === lowIsNegative) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Brackets of the growth factor 1 + r inside which the NPV changes sign. The scan is in binary floating
 * point on purpose: it only has to locate roots, and the decimal refinement decides the value.
 */
function signChanges(flows: Flows): Bracket[] {
  const step = Math.log(MAX_FACTOR / MIN_FACTOR) / SCAN_POINTS;
  const brackets: Bracket[] = [];
  let previousFactor = MIN_FACTOR;
  let previous = floatNpv(flows, previousFactor, false).value;
  for (let i = 1; i <= SCAN_POINTS; i++) {
    const factor = MIN_FACTOR * Math.exp(step * i);
    const value = floatNpv(flows, factor, false).value;
    if (!Number.isFinite(value) || !Number.isFinite(previous)) {
      previousFactor = factor;
      previous = value;
      continue;
    }
    if (previous === 0 || Math.sign(value) !== Math.sign(previous)) {
      if (value !== 0) brackets.push({ low: previousFactor, high: factor, lowIsNegative: value > 0 });
    }
    previousFactor = factor;
    previous = value;
  }
  return brackets;
}

/**
 * The root in doubles, by the same safeguarded Newton as the decimal steps: cheap, and close enough that
 * those need only one step to reach it and one more to confirm. Whatever it returns lies in the bracket,
 * so a poor answer (overflow, cancellation) costs the decimal steps time, never correctness.
 */
function floatRoot(flows: Flows, bracket: Bracket): { x: number; iterations: number } {
  let { low, high } = bracket;
  let x = (low + high) / 2;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const { value, slope } = floatNpv(flows, x, true);
    if (!Number.isFinite(value) || !Number.isFinite(slope)) return { x, iterations: iteration };
    if (value === 0) return { x, iterations: iteration };
    if (value < 0 === bracket.lowIsNegative) low = x;
    else high = x;
    const newton = slope === 0 ? Number.NaN : x - value / slope;
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    const step = Math.abs(next - x);
    x = next;
    if (step <= FLOAT_TOLERANCE * x || high - low <= FLOAT_TOLERANCE * x) return { x, iterations: iteration };
  }
  return { x, iterations: MAX_ITERATIONS };
}

function refine(flows: Flows, bracket: Bracket, start: { x: number; iterations: number }): XirrResult {
  let low = new D(bracket.low);
  let high = new D(bracket.high);
  let x = new D(start.x);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const value = npvAt(flows, x);
    if (value.isZero()) return converged(x, start.iterations + iteration);
    if (value.isNegative() === bracket.lowIsNegative) low = x;
    else high = x;
    // Newton where it stays inside the bracket, bisection where it would leave it: fast near the root,
    // and never worse than halving the bracket. The slope only scales the step, so doubles are enough
    // for it: a slope off by a relative ε leaves ε of the step undone, and the value, which decides
    // where the root is, stays decimal.
    const { slope } = floatNpv(flows, x.toNumber(), true);
    const newton = slope === 0 || !Number.isFinite(slope) ? undefined : x.minus(value.div(slope));
    const next = newton && newton.gt(low) && newton.lt(high) ? newton : low.plus(high).div(2);
    const step = next.minus(x).abs();
    x = next;
    if (step.lte(TOLERANCE.times(x)) || high.minus(low).lte(TOLERANCE.times(x)))
      return converged(x, start.iterations + iteration);
  }
  return {
    defined: false,
    reason: `the rate did not converge within ${MAX_ITERATIONS} iterations between ${percent(bracket.low - 1)} and ${percent(bracket.high - 1)}`,
  };
}

function converged(factor: Decimal, iterations: number): XirrResult {
  return { defined: true, rate: factor.minus(1).toDecimalPlaces(RATE_DECIMALS), iterations };
}

/**
 * NPV at growth factor x, in decimal. One fractional power per call, the discount of one day
 * x^(−1/365), which costs a logarithm and an exponential at this precision; every other discount is a
 * product of it. The powers for the distinct gaps between flows are built in ascending order, each from
 * the one before (consecutive gaps mostly differ by a day or a few), and each flow's discount is the
 * previous flow's times the power of its gap. A few thousand roundings of 1e-40 at most.
 */
function npvAt(flows: Flows, x: Decimal): Decimal {
  const day = x.ln().div(-DAYS_PER_YEAR).exp();
  const steps: Decimal[] = [];
  let power = new D(1);
  let reached = 0;
  for (const gap of flows.gaps) {
    if (gap > reached) power = power.times(day.pow(gap - reached));
    reached = gap;
    steps.push(power);
  }
  let discount = new D(1);
  let value = new D(0);
  for (let i = 0; i < flows.days.length; i++) {
    discount = discount.times(steps[flows.gapOf[i]]);
    value = value.plus(flows.amounts[i].times(discount));
  }
  return value;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)} %`;
}
