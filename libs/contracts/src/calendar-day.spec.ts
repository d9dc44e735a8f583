import { isCalendarDay } from './calendar-day';

describe(isCalendarDay.name, () => {
  it('takes a day that exists, leap days included', () => {
    expect(['2026-11-25', '2024-02-29', '0096-02-29'].map((day) => isCalendarDay(day))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('refuses a day that does not exist, another shape, or a year before the earliest', () => {
    for (const value of [
      '2026-02-30',
      '2025-02-29',
      '0100-02-29',
      '2026-13-01',
      '2026-1-5',
      '2026-11-25T00:00:00Z',
      20261125,
    ]) {
      expect(isCalendarDay(value)).toBe(false);
    }
    expect(isCalendarDay('1899-12-31', 1900)).toBe(false);
    expect(isCalendarDay('1900-01-01', 1900)).toBe(true);
  });
});
