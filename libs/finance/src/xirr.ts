import Decimal from 'decimal.js';
import type { CashFlow } from './cash-flow';

export type XirrResult =
  | { readonly defined: true; readonly rate: Decimal; readonly iterations: number }
  | { readonly defined: false; readonly reason: string };

/** Enough digits that 30 years of compounding keep 15 significant ones in the rate. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Growth factors 1 + r scanned for a sign change: from -99.9999 % to +999,999 % a year. */
const MIN_FACTOR = 1e-6;
const MAX_FACTOR = 1e4;
const SCAN_POINTS = 600;
const MAX_ITERATIONS = 200;
const TOLERANCE = new D('1e-16');
const RATE_DECIMALS = 12;

interface Flow {
  readonly years: Decimal;
  readonly amount: Decimal;
}

/**
 * The annual rate r at which the net present value of dated cash flows is zero, on an actual/365 day count
 * as spreadsheet XIRR defines it: Σ amountᵢ / (1 + r)^((dᵢ − d₀) / 365) = 0.
 *
 * Unlike a bare Newton iteration, it never returns a number that does not solve the equation: it first looks
 * for where the NPV changes sign over the whole range of plausible rates, and reports "not defined" with the
 * reason when there is no such place (all flows one way, or no rate can balance them) or when there are
 * several (the flows admit more than one rate and none of them is *the* return). The one root is then
 * narrowed by a safeguarded Newton step that falls back to bisection, in decimal arithmetic.
 */
export function xirr(cashFlows: readonly CashFlow[]): XirrResult {
  const parsed = parseFlows(cashFlows);
  if ('reason' in parsed) return { defined: false, reason: parsed.reason };
  const flows = parsed.flows;

  if (!flows.some((flow) => flow.amount.isNegative()) || !flows.some((flow) => flow.amount.isPositive())) {
    return { defined: false, reason: 'the cash flows need at least one negative and one positive amount' };
  }
  if (flows.every((flow) => flow.years.isZero())) {
    return {
      defined: false,
      reason: 'all cash flows fall on one date, so no rate of return over time exists',
    };
  }

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
  return refine(flows, brackets[0]);
}

function parseFlows(cashFlows: readonly CashFlow[]): { flows: Flow[] } | { reason: string } {
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
  const first = Math.min(...dated.map((flow) => flow.day));
  return {
    flows: dated.map((flow) => ({ years: new D(flow.day - first).div(365), amount: flow.amount })),
  };
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
 * Brackets [low, high] of the growth factor 1 + r inside which the NPV changes sign. The scan is in
 * binary floating point on purpose: it only has to locate roots, and the decimal refinement decides the value.
 */
function floatNpv(flows: readonly Flow[]): (factor: number) => number {
  const floats = flows.map((flow) => ({ years: flow.years.toNumber(), amount: flow.amount.toNumber() }));
  return (factor) => floats.reduce((sum, flow) => sum + flow.amount / factor ** flow.years, 0);
}

/** A root inside a bracket to float precision, good enough to name it in a message. */
function bisect(flows: readonly Flow[], [low, high]: [number, number]): number {
  const npv = floatNpv(flows);
  const lowIsNegative = npv(low) < 0;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (npv(middle) < 0 === lowIsNegative) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function signChanges(flows: readonly Flow[]): [number, number][] {
  const npv = floatNpv(flows);
  const step = Math.log(MAX_FACTOR / MIN_FACTOR) / SCAN_POINTS;
  const brackets: [number, number][] = [];
  let previousFactor = MIN_FACTOR;
  let previous = npv(previousFactor);
  for (let i = 1; i <= SCAN_POINTS; i++) {
    const factor = MIN_FACTOR * Math.exp(step * i);
    const value = npv(factor);
    if (!Number.isFinite(value) || !Number.isFinite(previous)) {
      previousFactor = factor;
      previous = value;
      continue;
    }
    if (previous === 0 || Math.sign(value) !== Math.sign(previous)) {
      if (value !== 0) brackets.push([previousFactor, factor]);
    }
    previousFactor = factor;
    previous = value;
  }
  return brackets;
}

function refine(flows: readonly Flow[], [lowFactor, highFactor]: [number, number]): XirrResult {
  let low = new D(lowFactor);
  let high = new D(highFactor);
  const lowIsNegative = npvAt(flows, low).value.isNegative();
  let x = low.plus(high).div(2);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const { value, slope } = npvAt(flows, x);
    if (value.isZero()) return converged(x, iteration);
    if (value.isNegative() === lowIsNegative) low = x;
    else high = x;
    // Newton where it stays inside the bracket, bisection where it would leave it: fast near the root,
    // and never worse than halving the bracket.
    const newton = slope.isZero() ? undefined : x.minus(value.div(slope));
    const next = newton && newton.gt(low) && newton.lt(high) ? newton : low.plus(high).div(2);
    const step = next.minus(x).abs();
    x = next;
    if (step.lte(TOLERANCE.times(x)) || high.minus(low).lte(TOLERANCE.times(x)))
      return converged(x, iteration);
  }
  return {
    defined: false,
    reason: `the rate did not converge within ${MAX_ITERATIONS} iterations between ${percent(lowFactor - 1)} and ${percent(highFactor - 1)}`,
  };
}

function converged(factor: Decimal, iterations: number): XirrResult {
  return { defined: true, rate: factor.minus(1).toDecimalPlaces(RATE_DECIMALS), iterations };
}

/** NPV at growth factor x and its derivative d/dx: Σ −tᵢ·aᵢ·x^(−tᵢ−1). */
function npvAt(flows: readonly Flow[], x: Decimal): { value: Decimal; slope: Decimal } {
  let value = new D(0);
  let slope = new D(0);
  for (const flow of flows) {
    const discounted = flow.amount.div(x.pow(flow.years));
    value = value.plus(discounted);
    slope = slope.minus(flow.years.times(discounted).div(x));
  }
  return { value, slope };
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)} %`;
}
