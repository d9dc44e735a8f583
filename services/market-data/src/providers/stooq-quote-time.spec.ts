import { stooqQuoteTime } from './stooq-quote-time';

describe(stooqQuoteTime.name, () => {
  it('reads Warsaw wall-clock time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(stooqQuoteTime('2026-11-18', '22:00:09')?.toISOString()).toBe('2026-11-18T21:00:09.000Z');
    expect(stooqQuoteTime('2026-07-01', '22:00:00')?.toISOString()).toBe('2026-07-01T20:00:00.000Z');
    // The night clocks went back (25 Oct 2026, 03:00 CEST → 02:00 CET) and the one they went forward.
    expect(stooqQuoteTime('2026-10-25', '12:00:00')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(stooqQuoteTime('2026-03-29', '12:00:00')?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(stooqQuoteTime('2027-01-01', '00:30:00')?.toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    for (const [date, time] of [
      ['N/D', 'N/D'],
      ['2026-02-30', '12:00:00'],
      ['2026-11-18', '24:00:00'],
      ['2026-11-18', '12:60:00'],
      ['20261118', '120000'],
      ['2026-11-18', ''],
    ])
      expect(stooqQuoteTime(date, time)).toBeUndefined();
  });
});
