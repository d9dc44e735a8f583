import type { Instrument, TradingCalendar } from './instrument.entity';

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localClock(at: Date, timeZone: string): { weekday: number; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return { weekday: WEEKDAY[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * Whether an instrument trades at an instant. Exchange sessions are 09:30-16:00 in the exchange's own
 * zone (so US daylight saving is right); exchange holidays are not modelled yet.
 */
export function isTradingAt(
  instrument: Pick<Instrument, 'calendar' | 'exchangeTimezone'>,
  at: Date,
): boolean {
  const calendar: TradingCalendar = instrument.calendar;
  switch (calendar) {
    case '24/7':
      return true;
    case '24/5': {
      const day = at.getUTCDay();
      const minutes = at.getUTCHours() * 60 + at.getUTCMinutes();
      if (day === 6) return false;
      if (day === 5) return minutes < 22 * 60;
      if (day === 0) return minutes >= 22 * 60;
      return true;
    }
    case 'exchange': {
      const { weekday, minutes } = localClock(at, instrument.exchangeTimezone ?? 'America/New_York');
      return weekday >= 1 && weekday <= 5 && minutes >= 9 * 60 + 30 && minutes < 16 * 60;
    }
  }
}
