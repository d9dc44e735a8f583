import { xirr, type XirrResult } from '@marketpulse/finance';
import type { Decimal } from 'decimal.js';
import { investorCashFlows, type EntryFlow } from './ledger-flows';
import { maxDrawdown, timeWeightedReturn } from './time-weighted-return';
import { valuationSeries, type SeenValue } from './valuation-series';

/** The returns of one set of holdings (a portfolio, or one holding of it) over a range. */
export interface RangeReturns {
  twrGross: Decimal;
  twrNet: Decimal;
  /** Money-weighted, annual, after fees. */
  xirr: XirrResult;
  /** Of the net time-weighted index. */
  maxDrawdown: Decimal;
  /** Values the returns are measured over: the start, each snapshot in the range, now. */
  points: number;
}

/**
 * TWR (gross and net), XIRR and max drawdown from a starting value, the snapshots after it and the value
 * now, with the flows of the same holdings: the portfolio's and each holding's figures come from here, so
 * that they are measured alike.
 */
export function rangeReturns(
  start: SeenValue,
  snapshots: readonly SeenValue[],
  now: { date: string; value: Decimal; held: boolean },
  flows: { gross: readonly EntryFlow[]; net: readonly EntryFlow[] },
): RangeReturns {
  const gross = timeWeightedReturn(valuationSeries(start, snapshots, now, flows.gross));
  const netSeries = valuationSeries(start, snapshots, now, flows.net);
  const net = timeWeightedReturn(netSeries);
  return {
    twrGross: gross.rate,
    twrNet: net.rate,
    // A starting value of zero is still the start: without it the flows before the range would count.
    xirr: xirr(investorCashFlows(flows.net, start, now)),
    maxDrawdown: maxDrawdown(net.index),
    points: netSeries.length,
  };
}
