import Decimal from 'decimal.js';
import type { Instrument } from '../catalogue/instrument.entity';
import type { BundledSeries, SeriesPoint } from './bundled-series';
import { BRIDGED_MONTHLY_SOURCE, SIMULATED_HISTORY_SOURCE, type DailyBarRow } from './daily-bar-row';
import { syntheticDailyBars } from './synthetic-daily-bars';
import { addDays, barDays, barsPerYear } from './trading-days';

/** The days the backfill covers, both inclusive: `to` is yesterday (UTC); today is still trading. */
export interface HistoryWindow {
  from: string;
  to: string;
}

export type PlannedInstrument = Pick<
  Instrument,
  'symbol' | 'calendar' | 'referencePrice' | 'annualVolatility' | 'priceDecimals'
>;

/** What the service has already seen of an instrument: where a gap in its history starts and ends. */
export interface KnownPrices {
  /** The latest stored daily bar up to the window's end. */
  lastBar?: { date: string; close: string };
  /** The latest live price. */
  latestPrice?: string;
}

/**
 * Every daily bar an instrument should have over the window. Real closes are used as they are; the days
 * they do not cover, and instruments without a real series, get a seeded path that ends at the reference
 * price on the last day, so live prices (which start from the reference) continue where history ends.
 *
 * Once live prices exist they have drifted from the reference: the days missed while the service was
 * down are bridged from the last stored close to the latest price instead, so no gap day jumps to the
 * reference level and back (which would show as crosses, 52-week extremes and top movers that never were).
 */
export function planDailyBars(
  instrument: PlannedInstrument,
  window: HistoryWindow,
  seed: number,
  bundled?: { series: BundledSeries; points: SeriesPoint[] },
  known: KnownPrices = {},
): DailyBarRow[] {
  return assertCoherentBars(barsOf(instrument, window, seed, bundled, known));
}

function barsOf(
  instrument: PlannedInstrument,
  window: HistoryWindow,
  seed: number,
  bundled: { series: BundledSeries; points: SeriesPoint[] } | undefined,
  known: KnownPrices,
): DailyBarRow[] {
  const end = known.latestPrice ?? instrument.referencePrice;
  const reference = { date: window.to, price: Number(end) };
  const synthetic = (days: string[], source: string, anchors = [reference], previousClose?: number) =>
    syntheticDailyBars({
      seed,
      symbol: instrument.symbol,
      days,
      annualVolatility: Number(instrument.annualVolatility),
      barsPerYear: barsPerYear(instrument.calendar),
      priceDecimals: instrument.priceDecimals,
      anchors,
      previousClose,
      overnightGap: instrument.calendar !== '24/7',
      source,
    });

  if (known.lastBar) {
    // Stored days stay as they are (the insert does nothing on them); real closes after them are kept.
    const { lastBar } = known;
    const kept = barsOf(instrument, window, seed, bundled, { latestPrice: known.latestPrice }).filter(
      (bar) => bar.date <= lastBar.date || !bar.synthetic,
    );
    const tail = kept[kept.length - 1];
    const start = tail && tail.date > lastBar.date ? tail : lastBar;
    const gap = barDays(instrument.calendar, addDays(start.date, 1), window.to);
    // Without a live price the bridge ends free: the reference is no better a guess than the walk.
    const anchors = known.latestPrice === undefined ? [] : [reference];
    return kept.concat(synthetic(gap, SIMULATED_HISTORY_SOURCE, anchors, Number(start.close)));
  }
  if (bundled?.series.kind === 'daily-close') {
    const real = bundled.points.filter((point) => point.date <= window.to);
    const rows = realBarsFromCloses(instrument.symbol, real, bundled.series.source);
    const last = real[real.length - 1];
    const after = last ? barDays(instrument.calendar, addDays(last.date, 1), window.to) : [];
    return rows.concat(synthetic(after, SIMULATED_HISTORY_SOURCE, [reference], last?.price));
  }
  if (bundled?.series.kind === 'monthly-average') {
    const months = bundled.points.filter((point) => point.date < window.to);
    // Start at the last monthly anchor before the window, so the first days are bridged, not free.
    const before = months.filter((point) => point.date <= window.from).pop();
    const days = barDays(instrument.calendar, before?.date ?? window.from, window.to);
    const anchors = months.filter((point) => !before || point.date >= before.date);
    return synthetic(days, BRIDGED_MONTHLY_SOURCE, [...anchors, reference]).filter(
      (bar) => bar.date >= window.from,
    );
  }
  return synthetic(barDays(instrument.calendar, window.from, window.to), SIMULATED_HISTORY_SOURCE);
}

/**
 * The EIA series are closes only: a bar opens at the previous close and its high and low are the larger
 * and smaller of open and close. The first row opens at its own close.
 */
export function realBarsFromCloses(symbol: string, closes: SeriesPoint[], source: string): DailyBarRow[] {
  return closes.map((point, index) => {
    const close = new Decimal(point.price);
    const open = new Decimal(index === 0 ? point.price : closes[index - 1].price);
    return {
      symbol,
      date: point.date,
      open: open.toFixed(),
      high: Decimal.max(open, close).toFixed(),
      low: Decimal.min(open, close).toFixed(),
      close: close.toFixed(),
      source,
      synthetic: false,
    };
  });
}

/**
 * Checked before anything is written: a bad row found here costs its instrument only, where the database
 * would refuse a whole statement.
 */
export function assertCoherentBars(bars: DailyBarRow[]): DailyBarRow[] {
  bars.forEach((bar, index) => {
    const problem = (what: string) => new Error(`${bar.symbol} ${bar.date}: ${what}`);
    if (index > 0 && bar.date <= bars[index - 1].date) throw problem('dates are not strictly ascending');
    const prices = [bar.open, bar.high, bar.low, bar.close];
    if (!prices.every((price) => /^\d+(\.\d+)?$/.test(price) && new Decimal(price).gt(0))) {
      throw problem(`prices ${prices.join(' ')} are not all positive decimals`);
    }
    const [open, high, low, close] = prices.map((price) => new Decimal(price));
    if (high.lt(Decimal.max(open, close)) || low.gt(Decimal.min(open, close))) {
      throw problem(
        `high ${bar.high} and low ${bar.low} do not contain open ${bar.open} and close ${bar.close}`,
      );
    }
  });
  return bars;
}
