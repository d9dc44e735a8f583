export const HISTORY_RANGES = ['1d', '5d', '1m', '3m', '6m', 'ytd', '1y', '5y', 'max'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where a named range starts when it ends at `to`: calendar months and years (so 1m from 31 March is
 * the last day of February, as a chart reader expects), `ytd` from 1 January UTC, `max` from the epoch.
 */
export function rangeStart(range: HistoryRange, to: Date): Date {
  switch (range) {
    case '1d':
      return new Date(to.getTime() - DAY_MS);
    case '5d':
      return new Date(to.getTime() - 5 * DAY_MS);
    case '1m':
      return monthsBefore(to, 1);
    case '3m':
      return monthsBefore(to, 3);
    case '6m':
      return monthsBefore(to, 6);
    case 'ytd':
      return new Date(Date.UTC(to.getUTCFullYear(), 0, 1));
    case '1y':
      return monthsBefore(to, 12);
    case '5y':
      return monthsBefore(to, 60);
    case 'max':
      return new Date(0);
  }
}

function monthsBefore(to: Date, months: number): Date {
  const year = to.getUTCFullYear();
  const month = to.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(to.getUTCDate(), lastDay),
      to.getUTCHours(),
      to.getUTCMinutes(),
      to.getUTCSeconds(),
    ),
  );
}
