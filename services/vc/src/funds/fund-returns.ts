import { xirr, type XirrResult } from '@marketpulse/finance';
import Decimal from 'decimal.js';

export interface FundFlow {
  kind: 'call' | 'distribution' | 'nav';
  /** YYYY-MM-DD */
  date: string;
  amount: Decimal.Value;
}

export interface IndexLevel {
  /** YYYY-MM-DD */
  date: string;
  level: Decimal.Value;
}

export type Defined<T> = { defined: true; value: T } | { defined: false; reason: string };

export interface FundReturns {
  /** The date of the NAV statement the figures are as of. */
  asOf?: string;
  paidIn: Decimal;
  distributed: Decimal;
  nav: Decimal;
  tvpi: Defined<Decimal>;
  dpi: Defined<Decimal>;
  rvpi: Defined<Decimal>;
  /** Net IRR: XIRR of calls (out), distributions (in) and the NAV as a terminal value. */
  irr: Defined<Decimal> & { iterations?: number };
}

const notDefined = (reason: string) => ({ defined: false as const, reason });

/** The latest NAV statement: the terminal value, and the date the figures are as of. */
function latestNav(flows: readonly FundFlow[]): FundFlow | undefined {
  let latest: FundFlow | undefined;
  for (const flow of flows) if (flow.kind === 'nav' && (!latest || flow.date > latest.date)) latest = flow;
  return latest;
}

/** Flows up to the latest NAV statement: that NAV is the terminal value, later flows wait for the next one. */
export function fundReturns(flows: readonly FundFlow[]): FundReturns {
  const latest = latestNav(flows);
  const asOf = latest?.date;
  const counted = flows.filter((flow) => flow.kind !== 'nav' && (asOf === undefined || flow.date <= asOf));
  const sum = (kind: FundFlow['kind']) =>
    counted
      .filter((flow) => flow.kind === kind)
      .reduce((total, flow) => total.plus(flow.amount), new Decimal(0));
  const paidIn = sum('call');
  const distributed = sum('distribution');
  const nav = new Decimal(latest?.amount ?? 0);
  const multiple = (numerator: Decimal): Defined<Decimal> =>
    paidIn.isZero()
      ? notDefined('no capital has been called')
      : { defined: true, value: numerator.div(paidIn) };
  // Without a NAV statement the residual value is unknown, not zero: TVPI and RVPI cannot be told.
  const valued = (numerator: Decimal): Defined<Decimal> =>
    latest ? multiple(numerator) : notDefined('no NAV statement: the residual value is unknown');
  return {
    asOf,
    paidIn,
    distributed,
    nav,
    tvpi: valued(distributed.plus(nav)),
    dpi: multiple(distributed),
    rvpi: valued(nav),
    irr: netIrr(counted, latest),
  };
}

function netIrr(counted: readonly FundFlow[], latest: FundFlow | undefined): FundReturns['irr'] {
  if (!latest) return notDefined('no NAV statement to use as the terminal value');
  if (counted.every((flow) => flow.kind !== 'call')) return notDefined('no capital has been called');
  const result: XirrResult = xirr([
    ...counted.map((flow) => ({
      date: flow.date,
      amount: flow.kind === 'call' ? new Decimal(flow.amount).negated() : new Decimal(flow.amount),
    })),
    { date: latest.date, amount: new Decimal(latest.amount) },
  ]);
  return result.defined
    ? { defined: true, value: result.rate, iterations: result.iterations }
    : notDefined(result.reason);
}

/**
 * Kaplan–Schoar public-market equivalent: every call and distribution is grown to the valuation date by
 * the index, KS-PME = (Σ D_t · I_T / I_t + NAV_T) / Σ C_t · I_T / I_t. Above 1 the fund beat the index.
 * I_t is the last index level at or before t; a flow dated before the series starts makes it undefined.
 */
export function ksPme(flows: readonly FundFlow[], levels: readonly IndexLevel[]): Defined<Decimal> {
  const latest = latestNav(flows);
  if (!latest) return notDefined('no NAV statement to use as the terminal value');
  const series = [...levels].sort((a, b) => a.date.localeCompare(b.date));
  if (series.length === 0) return notDefined('no index levels have been received');
  // Years of daily levels against thousands of flows: a binary search, not a scan per flow.
  const levelAt = (date: string): Decimal | undefined => {
    let low = 0;
    let high = series.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (series[middle].date <= date) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? undefined : new Decimal(series[low - 1].level);
  };
  const asOf = latest.date;
  const terminal = levelAt(asOf);
  const counted = flows.filter((flow) => flow.kind !== 'nav' && flow.date <= asOf);
  let calls = new Decimal(0);
  let distributions = new Decimal(0);
  for (const flow of counted) {
    const level = levelAt(flow.date);
    if (!level || !terminal) {
      return notDefined(`the index series starts on ${series[0].date}, after the cash flow of ${flow.date}`);
    }
    const grown = new Decimal(flow.amount).times(terminal).div(level);
    if (flow.kind === 'call') calls = calls.plus(grown);
    else distributions = distributions.plus(grown);
  }
  if (calls.isZero()) return notDefined('no capital has been called');
  return { defined: true, value: distributions.plus(latest.amount).div(calls) };
}
