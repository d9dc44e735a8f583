/** A daily bar as the backfill writes it: prices are decimal strings at the instrument's precision. */
export interface DailyBarRow {
  symbol: string;
  /** UTC calendar day, `YYYY-MM-DD`. */
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  source: string;
  synthetic: boolean;
}

/** The parameters of `unnest($1::varchar[], $2::date[], $3..$6::numeric[], $7::varchar[], $8::boolean[])`. */
export function dailyBarColumns(bars: readonly DailyBarRow[]): unknown[] {
  return [
    bars.map((bar) => bar.symbol),
    bars.map((bar) => bar.date),
    bars.map((bar) => bar.open),
    bars.map((bar) => bar.high),
    bars.map((bar) => bar.low),
    bars.map((bar) => bar.close),
    bars.map((bar) => bar.source),
    bars.map((bar) => bar.synthetic),
  ];
}

export const SIMULATED_HISTORY_SOURCE = 'simulated-history';
export const BRIDGED_MONTHLY_SOURCE = 'bridged-monthly-average';
