import { rangeStart } from './history-range';

const at = (iso: string) => new Date(iso);

describe('rangeStart', () => {
  it('counts days for 1d and 5d', () => {
    expect(rangeStart('1d', at('2026-11-25T12:00:00Z')).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(rangeStart('5d', at('2026-11-25T12:00:00Z')).toISOString()).toBe('2026-11-20T12:00:00.000Z');
  });

  it('counts calendar months, clamping to the last day of a shorter month', () => {
    expect(rangeStart('1m', at('2026-03-31T00:00:00Z')).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(rangeStart('3m', at('2026-05-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(rangeStart('6m', at('2026-11-25T00:00:00Z')).toISOString()).toBe('2026-05-25T00:00:00.000Z');
    expect(rangeStart('1y', at('2028-02-29T00:00:00Z')).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(rangeStart('5y', at('2026-11-25T00:00:00Z')).toISOString()).toBe('2021-11-25T00:00:00.000Z');
  });

  it('starts ytd on 1 January UTC and max at the epoch', () => {
    expect(rangeStart('ytd', at('2026-11-25T15:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(rangeStart('max', at('2026-11-25T15:00:00Z')).getTime()).toBe(0);
  });
});
