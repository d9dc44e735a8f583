import type { TradingCalendar } from '../catalogue/instrument.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days with a bar per year: every day around the clock, weekdays otherwise (holidays are not modelled). */
export function barsPerYear(calendar: TradingCalendar): number {
  return calendar === '24/7' ? 365.25 : (365.25 * 5) / 7;
}

/**
 * The SQL for the day a tick counts for, given a calendar column and a timestamptz. A 24/5 (FX-style) day
 * rolls at 17:00 New York, taken as 22:00 UTC all year, so a tick from Sunday 22:00 UTC opens Monday's bar:
 * such a week has no Sunday bar (the backfill writes none either) and no 2-hour Sunday candle. Every other
 * calendar uses the UTC day.
 */
export function tradingDaySql(calendar: string, instant: string): string {
  return `((${instant} AT TIME ZONE 'UTC') + CASE WHEN ${calendar} = '24/5' THEN interval '2 hours' ELSE interval '0' END)::date`;
}

export function parseIsoDate(date: string): number {
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new Error(`'${date}' is not a calendar date (YYYY-MM-DD)`);
  }
  return ms;
}

export function isoDate(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(parseIsoDate(date) + days * DAY_MS);
}

/** Whether an instrument has a daily bar on a UTC calendar day: FX, futures and exchanges skip weekends. */
export function hasBarOn(calendar: TradingCalendar, date: string): boolean {
  const weekday = new Date(parseIsoDate(date)).getUTCDay();
  return calendar === '24/7' || (weekday >= 1 && weekday <= 5);
}

/** The days from `from` to `to` (both inclusive) on which the calendar has a bar, oldest first. */
export function barDays(calendar: TradingCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = parseIsoDate(from), end = parseIsoDate(to); ms <= end; ms += DAY_MS) {
    const date = isoDate(ms);
    if (hasBarOn(calendar, date)) days.push(date);
  }
  return days;
}
