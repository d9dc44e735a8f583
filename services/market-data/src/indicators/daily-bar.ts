/** One trading day of an instrument. Prices are decimal strings so no float ever touches them. */
export interface DailyBar {
  /** YYYY-MM-DD, the exchange's trading date. */
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
}
