/**
 * XIRR (libs/finance) on what one MAX performance request of the portfolio service hands it: the
 * portfolio's investor cash flows over three years, netted by day (monthly buys of 50 holdings on
 * staggered days, quarterly dividends, the final value: 1,096 flows), and each of the 50 holdings' own
 * (36 monthly buys, 11 quarterly dividends, the final value: 48 flows). Every figure is timed, and every
 * rate is checked against the decimal solver XIRR used before (kept below as the reference): they must
 * agree within 1e-10. `npm run bench:xirr`. BENCH_XIRR_ROUNDS (default 20): calls timed per input.
 */
import Decimal from 'decimal.js';
import { xirr, type CashFlow, type XirrResult } from '@marketpulse/finance';
import { format, percentile } from './support/stats';

const ROUNDS = Number(process.env.BENCH_XIRR_ROUNDS ?? 20);
const HOLDINGS = 50;
const START = Date.UTC(2022, 0, 1);
const END = '2024-12-31';
const AGREEMENT = new Decimal('1e-10');

/** Deterministic pseudo-random numbers (mulberry32), so every run solves the same flows. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDate(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * Holding h buys on day h + 1 of every month (the month's last day when it is shorter), so that every day
 * of the three years has a purchase; it pays a dividend in the last month of each quarter but the last, and
 * is worth its cost grown by 2 % to 12 % a year at the end.
 */
function holdingFlows(h: number): CashFlow[] {
  const next = random(h + 1);
  const flows: CashFlow[] = [];
  let invested = new Decimal(0);
  for (let month = 0; month < 36; month++) {
    const amount = new Decimal(100 + Math.floor(next() * 90_000) / 100);
    invested = invested.plus(amount);
    flows.push({ date: isoDate(2022, month, (h % 31) + 1), amount: amount.negated() });
    if (month % 3 === 2 && month < 35) {
      const dividend = invested.times(0.002 + next() * 0.006).toDecimalPlaces(2);
      flows.push({ date: isoDate(2022, month, 15 + (h % 10)), amount: dividend });
    }
  }
  const growth = 1.02 + next() * 0.1;
  flows.push({ date: END, amount: invested.times(growth ** 1.5).toDecimalPlaces(2) });
  return flows;
}

/** The portfolio's flows as the portfolio service gives them: all holdings', netted by day. */
function portfolioFlows(holdings: readonly CashFlow[][]): CashFlow[] {
  const days = new Map<string, Decimal>();
  for (const flow of holdings.flat()) {
    days.set(flow.date, (days.get(flow.date) ?? new Decimal(0)).plus(flow.amount));
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([, amount]) => !amount.isZero())
    .map(([date, amount]) => ({ date, amount }));
}

function rateOf(result: XirrResult | ReferenceResult, what: string): Decimal {
  if (!result.defined) throw new Error(`${what}: no rate (${result.reason})`);
  return result.rate;
}

/** Milliseconds per call of `solve` on each input, `rounds` times over, and the last results. */
function time<T>(inputs: readonly CashFlow[][], rounds: number, solve: (flows: CashFlow[]) => T) {
  const perCall: number[] = [];
  let results: T[] = [];
  for (let round = 0; round < rounds; round++) {
    results = inputs.map((flows) => {
      const start = performance.now();
      const result = solve(flows);
      perCall.push(performance.now() - start);
      return result;
    });
  }
  return { perCall, results, total: perCall.reduce((sum, ms) => sum + ms, 0) / rounds };
}

function summary(perCall: number[]): string {
  const mean = perCall.reduce((sum, ms) => sum + ms, 0) / perCall.length;
  return `mean ${format(mean, 3)} ms, p50 ${format(percentile(perCall, 50), 3)} ms, max ${format(Math.max(...perCall), 3)} ms per call`;
}

function main(): void {
  const holdings = Array.from({ length: HOLDINGS }, (_, h) => holdingFlows(h));
  const portfolio = portfolioFlows(holdings);
  const span = (Date.parse(END) - START) / 86_400_000;
  process.stdout.write(
    `portfolio: ${portfolio.length} flows over ${span} days; ${HOLDINGS} holdings of ${holdings[0].length} flows\n`,
  );

  // Warm-up, so that the first timed call does not pay for compilation.
  for (const flows of [portfolio, ...holdings.slice(0, 5)]) xirr(flows);

  const fastPortfolio = time([portfolio], ROUNDS, xirr);
  const fastHoldings = time(holdings, ROUNDS, xirr);
  // The reference takes seconds per request: one round is enough to show it, and its results are the check.
  const slowPortfolio = time([portfolio], 1, referenceXirr);
  const slowHoldings = time(holdings, 1, referenceXirr);

  const rate = rateOf(fastPortfolio.results[0], 'portfolio');
  const reference = rateOf(slowPortfolio.results[0], 'portfolio (reference)');
  const differences = [
    rate.minus(reference).abs(),
    ...holdings.map((_, h) =>
      rateOf(fastHoldings.results[h], `holding ${h}`)
        .minus(rateOf(slowHoldings.results[h], `holding ${h} (reference)`))
        .abs(),
    ),
  ];
  const worst = Decimal.max(...differences);
  const holdingRates = fastHoldings.results.map((result) => rateOf(result, 'holding').toNumber());

  process.stdout.write(
    [
      `portfolio (${portfolio.length} flows): xirr ${rate.toFixed()} (reference ${reference.toFixed()})`,
      `  now:       ${summary(fastPortfolio.perCall)}`,
      `  reference: ${format(slowPortfolio.total, 1)} ms per call`,
      `${HOLDINGS} holdings (${holdings[0].length} flows each): xirr from ${format(Math.min(...holdingRates) * 100, 4)} % to ${format(Math.max(...holdingRates) * 100, 4)} %`,
      `  now:       ${summary(fastHoldings.perCall)}`,
      `  reference: ${format(slowHoldings.total / HOLDINGS, 1)} ms per call`,
      `one MAX request (portfolio + ${HOLDINGS} holdings): ${format(fastPortfolio.total + fastHoldings.total, 1)} ms; reference ${format(slowPortfolio.total + slowHoldings.total, 0)} ms`,
      `largest difference from the reference over ${differences.length} rates: ${worst.toExponential(2)}`,
      `target: every rate within ${AGREEMENT.toExponential()} of the reference ${worst.lt(AGREEMENT) ? 'met' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
  if (!worst.lt(AGREEMENT)) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------------------
// REFERENCE ONLY, not used by any service: libs/finance/src/xirr.ts as it was before it solved in doubles
// first. Every Newton step evaluates each flow's discount as a 40-digit decimal power, x.pow(years)
// (about 165 µs each): slow, and the standard the fast solver is held to.
// ---------------------------------------------------------------------------------------------------------

type ReferenceResult =
  | { readonly defined: true; readonly rate: Decimal; readonly iterations: number }
  | { readonly defined: false; readonly reason: string };

const RD = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const REF_DAY_MS = 86_400_000;
const REF_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const REF_MIN_FACTOR = 1e-6;
const REF_MAX_FACTOR = 1e4;
const REF_SCAN_POINTS = 600;
const REF_MAX_ITERATIONS = 200;
const REF_TOLERANCE = new RD('1e-16');
const REF_RATE_DECIMALS = 12;

interface ReferenceFlow {
  readonly years: Decimal;
  readonly amount: Decimal;
}

function referenceXirr(cashFlows: readonly CashFlow[]): ReferenceResult {
  const parsed = referenceParseFlows(cashFlows);
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
  const brackets = referenceSignChanges(flows);
  if (brackets.length === 0) {
    return {
      defined: false,
      reason: 'no rate between -99.9999 % and +999,900 % a year brings the net present value to zero',
    };
  }
  if (brackets.length > 1) {
    const approx = brackets
      .map((bracket) => referencePercent(referenceBisect(flows, bracket) - 1))
      .join(', ');
    return {
      defined: false,
      reason: `the cash flows admit several rates of return (about ${approx}), so none of them is the return`,
    };
  }
  return referenceRefine(flows, brackets[0]);
}

function referenceParseFlows(
  cashFlows: readonly CashFlow[],
): { flows: ReferenceFlow[] } | { reason: string } {
  if (cashFlows.length < 2) return { reason: 'at least two cash flows are needed' };
  const dated: { day: number; amount: Decimal }[] = [];
  for (const [index, flow] of cashFlows.entries()) {
    const day = referenceDayNumber(flow.date);
    if (day === undefined) return { reason: `cash flow ${index + 1} has an invalid date '${flow.date}'` };
    let amount: Decimal;
    try {
      amount = new RD(flow.amount.toString());
    } catch {
      return { reason: `cash flow ${index + 1} has an invalid amount '${String(flow.amount)}'` };
    }
    if (!amount.isFinite())
      return { reason: `cash flow ${index + 1} has an invalid amount '${String(flow.amount)}'` };
    dated.push({ day, amount });
  }
  const first = Math.min(...dated.map((flow) => flow.day));
  return {
    flows: dated.map((flow) => ({ years: new RD(flow.day - first).div(365), amount: flow.amount })),
  };
}

function referenceDayNumber(date: string): number | undefined {
  const match = REF_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / REF_DAY_MS;
}

function referenceFloatNpv(flows: readonly ReferenceFlow[]): (factor: number) => number {
  const floats = flows.map((flow) => ({ years: flow.years.toNumber(), amount: flow.amount.toNumber() }));
  return (factor) => floats.reduce((sum, flow) => sum + flow.amount / factor ** flow.years, 0);
}

function referenceBisect(flows: readonly ReferenceFlow[], [low, high]: [number, number]): number {
  const npv = referenceFloatNpv(flows);
  const lowIsNegative = npv(low) < 0;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (npv(middle) < 0 === lowIsNegative) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function referenceSignChanges(flows: readonly ReferenceFlow[]): [number, number][] {
  const npv = referenceFloatNpv(flows);
  const step = Math.log(REF_MAX_FACTOR / REF_MIN_FACTOR) / REF_SCAN_POINTS;
  const brackets: [number, number][] = [];
  let previousFactor = REF_MIN_FACTOR;
  let previous = npv(previousFactor);
  for (let i = 1; i <= REF_SCAN_POINTS; i++) {
    const factor = REF_MIN_FACTOR * Math.exp(step * i);
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

function referenceRefine(
  flows: readonly ReferenceFlow[],
  [lowFactor, highFactor]: [number, number],
): ReferenceResult {
  let low = new RD(lowFactor);
  let high = new RD(highFactor);
  const lowIsNegative = referenceNpvAt(flows, low).value.isNegative();
  let x = low.plus(high).div(2);
  for (let iteration = 1; iteration <= REF_MAX_ITERATIONS; iteration++) {
    const { value, slope } = referenceNpvAt(flows, x);
    if (value.isZero()) return referenceConverged(x, iteration);
    if (value.isNegative() === lowIsNegative) low = x;
    else high = x;
    const newton = slope.isZero() ? undefined : x.minus(value.div(slope));
    const next = newton && newton.gt(low) && newton.lt(high) ? newton : low.plus(high).div(2);
    const step = next.minus(x).abs();
    x = next;
    if (step.lte(REF_TOLERANCE.times(x)) || high.minus(low).lte(REF_TOLERANCE.times(x)))
      return referenceConverged(x, iteration);
  }
  return {
    defined: false,
    reason: `the rate did not converge within ${REF_MAX_ITERATIONS} iterations between ${referencePercent(lowFactor - 1)} and ${referencePercent(highFactor - 1)}`,
  };
}

function referenceConverged(factor: Decimal, iterations: number): ReferenceResult {
  return { defined: true, rate: factor.minus(1).toDecimalPlaces(REF_RATE_DECIMALS), iterations };
}

function referenceNpvAt(flows: readonly ReferenceFlow[], x: Decimal): { value: Decimal; slope: Decimal } {
  let value = new RD(0);
  let slope = new RD(0);
  for (const flow of flows) {
    const discounted = flow.amount.div(x.pow(flow.years));
    value = value.plus(discounted);
    slope = slope.minus(flow.years.times(discounted).div(x));
  }
  return { value, slope };
}

function referencePercent(rate: number): string {
  return `${(rate * 100).toFixed(2)} %`;
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
