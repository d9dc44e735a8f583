import Decimal from 'decimal.js';
import { seededStandardNormal } from '../providers/seeded-random';
import type { DailyBarRow } from './daily-bar-row';
import { parseIsoDate } from './trading-days';

/** A close the generated path must go through. */
export interface PathAnchor {
  /** A bar day; an anchor on a day without a bar holds on the next bar day. */
  date: string;
  price: number;
}

export interface SyntheticSeriesSpec {
  /** PRICE_SIMULATION_SEED: with the symbol and the day, it fixes every random draw. */
  seed: number;
  symbol: string;
  /** Bar days, oldest first. */
  days: string[];
  annualVolatility: number;
  barsPerYear: number;
  priceDecimals: number;
  /** Ascending; normally ends with the reference price on the last day, so live prices continue from it. */
  anchors: PathAnchor[];
  /** The close before the first day (the last real close of a continuation); the path starts from it. */
  previousClose?: number;
  /** Markets that close overnight open away from the previous close; around-the-clock ones do not. */
  overnightGap: boolean;
  source: string;
}

/**
 * A seeded daily path with the instrument's volatility, bent to go through the anchors: a random walk in
 * log price plus a piecewise-linear correction between anchors, which is a Brownian bridge when the walk
 * is Brownian. Each day's draw depends on the seed, the symbol and the date only, so a day keeps its
 * return whatever range is generated. The randomness is float; the bars are rounded in decimal.
 */
export function syntheticDailyBars(spec: SyntheticSeriesSpec): DailyBarRow[] {
  const { seed, symbol, days, priceDecimals } = spec;
  if (days.length === 0) return [];
  if (!(spec.annualVolatility >= 0) || !(spec.barsPerYear > 0)) {
    throw new Error(`${symbol}: volatility ${spec.annualVolatility} and ${spec.barsPerYear} bars a year`);
  }
  const sigma = spec.annualVolatility / Math.sqrt(spec.barsPerYear);
  const dayMs = days.map(parseIsoDate);
  const draw = (part: string, index: number) =>
    seededStandardNormal(seed, `${symbol}:1d:${part}`, dayMs[index]);

  // Point 0 is the close before the first day; point k the close of days[k - 1].
  const walk = [0];
  for (let k = 1; k <= days.length; k++) {
    walk.push(walk[k - 1] + sigma * draw('close', k - 1) - 0.5 * sigma * sigma);
  }
  const offsets = anchorOffsets(spec, walk, dayMs);
  const tick = new Decimal(1).dividedBy(new Decimal(10).pow(priceDecimals));
  const round = (value: number) => Decimal.max(new Decimal(value).toDecimalPlaces(priceDecimals), tick);
  const closes = walk.map((w, point) => round(Math.exp(w + offsets[point])));
  if (!closes.every((close) => close.isFinite())) {
    throw new Error(`${symbol}: volatility ${spec.annualVolatility} overflows a daily path`);
  }

  return days.map((date, index) => {
    const previous = closes[index];
    const close = closes[index + 1];
    const open = spec.overnightGap
      ? round(previous.toNumber() * Math.exp(0.25 * sigma * draw('open', index)))
      : previous;
    const top = Decimal.max(open, close);
    const bottom = Decimal.min(open, close);
    const high = Decimal.max(
      round(top.toNumber() * Math.exp(0.5 * sigma * Math.abs(draw('high', index)))),
      top,
    );
    const low = Decimal.min(
      round(bottom.toNumber() * Math.exp(-0.5 * sigma * Math.abs(draw('low', index)))),
      bottom,
    );
    return {
      symbol,
      date,
      open: open.toFixed(priceDecimals),
      high: high.toFixed(priceDecimals),
      low: low.toFixed(priceDecimals),
      close: close.toFixed(priceDecimals),
      source: spec.source,
      synthetic: true,
    };
  });
}

/** The log-price correction at every point: exact at each anchor, linear between, flat outside. */
function anchorOffsets(spec: SyntheticSeriesSpec, walk: number[], dayMs: number[]): number[] {
  const targets = new Map<number, number>();
  if (spec.previousClose !== undefined) targets.set(0, logOf(spec, spec.previousClose));
  for (const anchor of spec.anchors) {
    const at = parseIsoDate(anchor.date);
    const index = dayMs.findIndex((ms) => ms >= at);
    // A later anchor on the same point wins: the reference beats a monthly average snapped onto its day.
    if (index >= 0) targets.set(index + 1, logOf(spec, anchor.price));
  }
  if (targets.size === 0) throw new Error(`${spec.symbol}: no anchor inside the generated days`);
  const points = [...targets.keys()].sort((a, b) => a - b);
  const offsetAt = (point: number) => targets.get(point)! - walk[point];
  return walk.map((_, point) => {
    if (point <= points[0]) return offsetAt(points[0]);
    if (point >= points[points.length - 1]) return offsetAt(points[points.length - 1]);
    const right = points.findIndex((p) => p >= point);
    const [a, b] = [points[right - 1], points[right]];
    return offsetAt(a) + ((offsetAt(b) - offsetAt(a)) * (point - a)) / (b - a);
  });
}

function logOf(spec: SyntheticSeriesSpec, price: number): number {
  if (!(price > 0) || !Number.isFinite(price))
    throw new Error(`${spec.symbol}: anchor price ${price} is not positive`);
  return Math.log(price);
}
