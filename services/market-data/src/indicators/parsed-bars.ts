import type Decimal from 'decimal.js';
import type { DailyBar } from './daily-bar';
import { toIndicatorDecimal } from './indicator-decimal';

/** Bars as columns of decimals, oldest first: what the indicator functions take. */
export interface ParsedBars {
  dates: string[];
  open: Decimal[];
  high: Decimal[];
  low: Decimal[];
  close: Decimal[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Sorts a copy by date (YYYY-MM-DD sorts as text) and parses every price. Two bars on one date cannot
 * both be right, so that is an error rather than a silent pick.
 */
export function parseDailyBars(bars: readonly DailyBar[]): ParsedBars {
  const sorted = [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const parsed: ParsedBars = { dates: [], open: [], high: [], low: [], close: [] };
  sorted.forEach((bar, index) => {
    if (!ISO_DATE.test(bar.date)) throw new RangeError(`bar date must be YYYY-MM-DD, got ${bar.date}`);
    if (index > 0 && sorted[index - 1].date === bar.date) throw new RangeError(`two bars on ${bar.date}`);
    parsed.dates.push(bar.date);
    parsed.open.push(toIndicatorDecimal(bar.open, `open on ${bar.date}`));
    parsed.high.push(toIndicatorDecimal(bar.high, `high on ${bar.date}`));
    parsed.low.push(toIndicatorDecimal(bar.low, `low on ${bar.date}`));
    parsed.close.push(toIndicatorDecimal(bar.close, `close on ${bar.date}`));
  });
  return parsed;
}
