import { addDays, barDays, hasBarOn, parseIsoDate } from './trading-days';

describe('trading days', () => {
  it('has bars every day around the clock and on weekdays otherwise', () => {
    // 2026-11-20 is a Friday.
    expect(barDays('24/7', '2026-11-20', '2026-11-23')).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(barDays('24/5', '2026-11-20', '2026-11-23')).toEqual(['2026-11-20', '2026-11-23']);
    expect(barDays('exchange', '2026-11-21', '2026-11-22')).toEqual([]);
    expect(hasBarOn('exchange', '2026-11-23')).toBe(true);
  });

  it('does calendar arithmetic in UTC and rejects impossible dates', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 366)).toBe('2026-01-01');
    expect(() => parseIsoDate('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => parseIsoDate('yesterday')).toThrow(/not a calendar date/);
  });
});
