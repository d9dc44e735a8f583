import type { TradingCalendar } from '../catalogue/instrument.entity';

/** Bars in the momentum horizons and in the 52-week range; `year` also annualises volatility. */
export interface IndicatorWindows {
  oneMonth: number;
  threeMonths: number;
  sixMonths: number;
  year: number;
}

/** Weekday markets: the 252-trading-day year the published reference values (and real series) use. */
export const TRADING_DAYS = { oneMonth: 21, threeMonths: 63, sixMonths: 126, year: 252 } as const;

/** Around-the-clock markets have a bar every calendar day, so a year is 365 of them. */
export const CALENDAR_DAYS = { oneMonth: 30, threeMonths: 91, sixMonths: 182, year: 365 } as const;

export function indicatorWindows(calendar: TradingCalendar): IndicatorWindows {
  return calendar === '24/7' ? CALENDAR_DAYS : TRADING_DAYS;
}
