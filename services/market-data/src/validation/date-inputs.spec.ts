import { isCalendarDay } from './calendar-day';
import { isSupportedInstant } from './instant';

describe('date inputs', () => {
  it('takes only days that exist, from 1900', () => {
    for (const day of ['2026-11-25', '2024-02-29', '1900-01-01', '9999-12-31'])
      expect({ day, ok: isCalendarDay(day) }).toEqual({ day, ok: true });
    for (const day of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01'])
      expect({ day, ok: isCalendarDay(day) }).toEqual({ day, ok: false });
    for (const day of ['1899-12-31', '26-11-25', '2026-11-25T00:00:00Z', ' 2026-11-25', 20261125])
      expect({ day, ok: isCalendarDay(day) }).toEqual({ day, ok: false });
  });

  it('takes ISO-8601 instants whose UTC year is 1900–9999', () => {
    for (const value of [
      '2026-11-23',
      '2026-11-23T12:00:00Z',
      '1900-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ])
      expect({ value, ok: isSupportedInstant(value) }).toEqual({ value, ok: true });
    for (const value of [
      '2026-02-30',
      '0000-01-01',
      '1899-12-31T23:59:59Z',
      '1900-01-01T00:30:00+01:00',
      '9999-12-31T23:00:00-05:00',
      '-2026-01-01',
      '+275760-09-13',
      'yesterday',
    ])
      expect({ value, ok: isSupportedInstant(value) }).toEqual({ value, ok: false });
  });
});
