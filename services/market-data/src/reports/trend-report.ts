import type { TrendRegime } from './trend-regime';

export const REPORT_KINDS = ['daily', 'weekly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One instrument's line in a trend report. Decimals are strings, percentages in percent. */
export interface TrendReportAsset {
  symbol: string;
  name: string;
  category: string;
  /** Date of the latest daily bar; null when the instrument has no bars yet. */
  date: string | null;
  close: string | null;
  regime: TrendRegime;
  sma50: string | null;
  sma200: string | null;
  /** Change over the report's period: the last bar against the one before (daily) or a week earlier. */
  change: string | null;
  momentum1m: string | null;
  momentum3m: string | null;
  momentum6m: string | null;
  /** Competition ranks across the catalogue, 1 = strongest; null without enough history. */
  momentumRank1m: number | null;
  momentumRank3m: number | null;
  momentumRank6m: number | null;
}

export interface TrendReportMover {
  symbol: string;
  name: string;
  change: string;
  close: string;
}

export interface TrendReportSignal {
  symbol: string;
  date: string;
  type: string;
  direction: 'bullish' | 'bearish';
  strength: string;
}

export interface TrendReport {
  kind: ReportKind;
  /** The day the report is for (UTC); a weekly summary is for the Sunday that ends its week. */
  date: string;
  generatedAt: string;
  /** Signals first detected in (from, to] are this report's fresh signals. */
  window: { from: string; to: string };
  summary: {
    instruments: number;
    regimes: Record<TrendRegime, number>;
    advancing: number;
    declining: number;
    unchanged: number;
  };
  topGainers: TrendReportMover[];
  topLosers: TrendReportMover[];
  momentumLeaders: { symbol: string; name: string; momentum3m: string }[];
  signals: TrendReportSignal[];
  assets: TrendReportAsset[];
}
