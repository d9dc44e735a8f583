import type Decimal from 'decimal.js';
import {
  indicatorSnapshot,
  IndicatorDecimal,
  toOutput,
  type DailyBar,
  type IndicatorWindows,
} from '../indicators';
import { competitionRanks } from './competition-rank';
import { TREND_REGIMES, trendRegime, type TrendRegime } from './trend-regime';
import type {
  ReportKind,
  TrendReport,
  TrendReportAsset,
  TrendReportMover,
  TrendReportSignal,
} from './trend-report';

/** Movers and leaders listed at the top of a report. */
export const REPORT_TOP = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportInstrument {
  symbol: string;
  name: string;
  category: string;
  /** Bars per momentum horizon; trading days unless given (a 24/7 market has calendar-day windows). */
  windows?: IndicatorWindows;
  /** Oldest first; 260 bars cover the 200-day average and six months of momentum. */
  bars: readonly DailyBar[];
}

export interface ReportInput {
  kind: ReportKind;
  date: string;
  generatedAt: Date;
  window: { from: Date; to: Date };
  instruments: readonly ReportInstrument[];
  signals: readonly TrendReportSignal[];
}

/** The trend report across the catalogue, from daily bars and the signals fresh in its window. Pure. */
export function buildTrendReport(input: ReportInput): TrendReport {
  const rows = input.instruments.map((instrument) => assetRow(instrument, input.kind));
  for (const horizon of ['1m', '3m', '6m'] as const) {
    const ranks = competitionRanks(rows.map((row) => row.momentum[horizon]));
    rows.forEach((row, index) => (row.asset[`momentumRank${horizon}`] = ranks[index]));
  }

  const regimes = Object.fromEntries(TREND_REGIMES.map((regime) => [regime, 0])) as Record<
    TrendRegime,
    number
  >;
  for (const row of rows) regimes[row.asset.regime]++;
  const changed = rows.filter((row) => row.change !== null);
  const movers = [...changed].sort(
    (a, b) => b.change!.comparedTo(a.change!) || a.asset.symbol.localeCompare(b.asset.symbol),
  );

  return {
    kind: input.kind,
    date: input.date,
    generatedAt: input.generatedAt.toISOString(),
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    summary: {
      instruments: rows.length,
      regimes,
      advancing: changed.filter((row) => row.change!.isPositive() && !row.change!.isZero()).length,
      declining: changed.filter((row) => row.change!.isNegative() && !row.change!.isZero()).length,
      unchanged: changed.filter((row) => row.change!.isZero()).length,
    },
    topGainers: movers
      .filter((row) => row.change!.gt(0))
      .slice(0, REPORT_TOP)
      .map(toMover),
    topLosers: movers
      .filter((row) => row.change!.lt(0))
      .reverse()
      .slice(0, REPORT_TOP)
      .map(toMover),
    momentumLeaders: rows
      .filter((row) => row.asset.momentumRank3m !== null)
      .sort(
        (a, b) =>
          a.asset.momentumRank3m! - b.asset.momentumRank3m! || a.asset.symbol.localeCompare(b.asset.symbol),
      )
      .slice(0, REPORT_TOP)
      .map((row) => ({ symbol: row.asset.symbol, name: row.asset.name, momentum3m: row.asset.momentum3m! })),
    signals: [...input.signals].sort(
      (a, b) =>
        b.date.localeCompare(a.date) || a.symbol.localeCompare(b.symbol) || a.type.localeCompare(b.type),
    ),
    assets: rows
      .map((row) => row.asset)
      .sort((a, b) => a.category.localeCompare(b.category) || a.symbol.localeCompare(b.symbol)),
  };
}

interface Row {
  asset: TrendReportAsset;
  change: Decimal | null;
  momentum: Record<'1m' | '3m' | '6m', Decimal | null>;
}

function assetRow(instrument: ReportInstrument, kind: ReportKind): Row {
  const { bars } = instrument;
  const snapshot = indicatorSnapshot(bars, instrument.windows);
  const decimal = (value: string | null) => (value === null ? null : new IndicatorDecimal(value));
  const change = periodChange(bars, kind);
  const momentum = {
    '1m': decimal(snapshot.momentum1m),
    '3m': decimal(snapshot.momentum3m),
    '6m': decimal(snapshot.momentum6m),
  };
  return {
    change,
    momentum,
    asset: {
      symbol: instrument.symbol,
      name: instrument.name,
      category: instrument.category,
      date: snapshot.date,
      close: snapshot.close,
      regime: trendRegime(decimal(snapshot.close), decimal(snapshot.sma50), decimal(snapshot.sma200)),
      sma50: snapshot.sma50,
      sma200: snapshot.sma200,
      change: change === null ? null : toOutput(change, 4),
      momentum1m: snapshot.momentum1m,
      momentum3m: snapshot.momentum3m,
      momentum6m: snapshot.momentum6m,
      momentumRank1m: null,
      momentumRank3m: null,
      momentumRank6m: null,
    },
  };
}

/**
 * Percent change of the last close against the previous bar (daily), or against the last bar at least a
 * week older than it (weekly): calendar-based, so a holiday week does not stretch to two.
 */
export function periodChange(bars: readonly DailyBar[], kind: ReportKind): Decimal | null {
  if (bars.length < 2) return null;
  const last = bars[bars.length - 1];
  let base: DailyBar | undefined;
  if (kind === 'daily') {
    base = bars[bars.length - 2];
  } else {
    const cutoff = new Date(Date.parse(`${last.date}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);
    base = [...bars].reverse().find((bar) => bar.date <= cutoff);
  }
  if (!base) return null;
  const from = new IndicatorDecimal(base.close);
  if (from.isZero()) return null;
  return new IndicatorDecimal(last.close).minus(from).div(from).times(100);
}

function toMover(row: Row): TrendReportMover {
  return {
    symbol: row.asset.symbol,
    name: row.asset.name,
    change: row.asset.change!,
    close: row.asset.close!,
  };
}
