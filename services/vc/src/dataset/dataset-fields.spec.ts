import { isIsoDay } from './dataset-fields';

describe(isIsoDay.name, () => {
  it('accepts calendar dates that exist, leap days included', () => {
    expect(isIsoDay('2026-11-24')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
  });

  it('refuses impossible or malformed dates', () => {
    expect(isIsoDay('2026-02-30')).toBe(false);
    // PostgreSQL has no year 0: it would answer with an error, a 500.
    expect(isIsoDay('0000-01-01')).toBe(false);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-1-5')).toBe(false);
    expect(isIsoDay('2026-11-24T00:00:00Z')).toBe(false);
    expect(isIsoDay(20261124)).toBe(false);
  });
});
