/** Public-domain series bundled in `services/market-data/data/` (sources and licences in its README). */
export type BundledSeries =
  /** Real daily closes: the bars are real, from the first to the last row of the file. */
  | { kind: 'daily-close'; file: string; source: string }
  /** Monthly averages: a synthetic daily path is bridged through them. */
  | { kind: 'monthly-average'; file: string; country?: string; invert?: boolean };

export const BUNDLED_SERIES: Readonly<Record<string, BundledSeries>> = {
  BRENT: { kind: 'daily-close', file: 'brent-daily.csv', source: 'eia' },
  WTI: { kind: 'daily-close', file: 'wti-daily.csv', source: 'eia' },
  NATGAS: { kind: 'daily-close', file: 'natural-gas-daily.csv', source: 'eia' },
  XAUUSD: { kind: 'monthly-average', file: 'gold-monthly.csv' },
  // The Federal Reserve series is units of currency per US dollar; EUR, GBP, AUD and NZD quote the other way.
  EURUSD: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'Euro', invert: true },
  GBPUSD: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'United Kingdom', invert: true },
  AUDUSD: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'Australia', invert: true },
  NZDUSD: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'New Zealand', invert: true },
  USDJPY: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'Japan' },
  USDCHF: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'Switzerland' },
  USDCAD: { kind: 'monthly-average', file: 'fx-monthly.csv', country: 'Canada' },
};

/** One observation of a bundled series: a day (`YYYY-MM-DD`) or a month's mid-point, and its value. */
export interface SeriesPoint {
  date: string;
  price: number;
}
