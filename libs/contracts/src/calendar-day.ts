const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `YYYY-MM-DD` naming a day that exists, in `earliestYear` or later. The shape alone lets 2026-02-30
 * through to PostgreSQL, and Date.parse rolls it over to 2 March, so the day must survive a round trip
 * through a UTC date. PostgreSQL has no year 0, so the earliest is year 1 at the least.
 */
export function isCalendarDay(value: unknown, earliestYear = 1): boolean {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < earliestYear) return false;
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  date.setUTCFullYear(year);
  return date.toISOString().slice(0, 10) === value;
}
