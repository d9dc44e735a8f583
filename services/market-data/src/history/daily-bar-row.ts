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

export const SIMULATED_HISTORY_SOURCE = 'simulated-history';
export const BRIDGED_MONTHLY_SOURCE = 'bridged-monthly-average';
