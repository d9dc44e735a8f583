export const PERFORMANCE_RANGES = ['1D', 'WTD', 'MTD', 'YTD', '1Y', 'MAX'] as const;
export type PerformanceRange = (typeof PERFORMANCE_RANGES)[number];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The day whose close is the range's starting value (UTC): yesterday for 1D, the Sunday before this
 * (ISO) week, the last day of the previous month or year, the same day a year ago; undefined for MAX,
 * which starts before the first transaction.
 */
export function rangeBaseline(range: PerformanceRange, today: string): string | undefined {
  const now = Date.parse(`${today}T00:00:00Z`);
  const date = new Date(now);
  switch (range) {
    case '1D':
      return iso(now - DAY_MS);
    case 'WTD':
      // getUTCDay: Sunday 0 … Saturday 6; the week starts on Monday.
      return iso(now - (((date.getUTCDay() + 6) % 7) + 1) * DAY_MS);
    case 'MTD':
      return iso(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 0));
    case 'YTD':
      return iso(Date.UTC(date.getUTCFullYear() - 1, 11, 31));
    case '1Y': {
      const back = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
      // 29 February a year later has no twin: take 28 February.
      if (back.getUTCMonth() !== date.getUTCMonth()) back.setUTCDate(0);
      return iso(back.getTime());
    }
    case 'MAX':
      return undefined;
  }
}
