/** Stooq writes quote dates and times in Warsaw time (a US close, 16:00 New York, shows as 22:00). */
export const STOOQ_TIME_ZONE = 'Europe/Warsaw';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: STOOQ_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Warsaw's wall clock is ahead of UTC at `instant`, in ms (1 or 2 hours). */
function warsawOffset(instant: number): number {
  const field = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(field.year, field.month - 1, field.day, field.hour, field.minute, field.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a Stooq quote's `Date` (YYYY-MM-DD) and `Time` (HH:MM:SS) columns, or undefined when they
 * are not a real date and time (N/D, a rolled-over 30 February, a shape Stooq does not send).
 */
export function stooqQuoteTime(date: string, time: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  // The offset at the guess, then again at the result: right on either side of a DST change.
  const guess = wall - warsawOffset(wall);
  return new Date(wall - warsawOffset(guess));
}
