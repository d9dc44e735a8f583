import { nextDueAfterFailure, nextDueAfterSuccess } from './source-schedule';

const now = new Date('2026-11-25T08:00:00.000Z');
const minutesLater = (date: Date) => (date.getTime() - now.getTime()) / 60_000;

describe(nextDueAfterSuccess.name, () => {
  it('is the poll interval when the feed asks for nothing', () => {
    expect(minutesLater(nextDueAfterSuccess(now, 900, {}))).toBe(15);
  });

  it('honours a longer RSS ttl or Cache-Control max-age, not a shorter one', () => {
    expect(minutesLater(nextDueAfterSuccess(now, 900, { ttlSeconds: 3600 }))).toBe(60);
    expect(minutesLater(nextDueAfterSuccess(now, 900, { maxAgeSeconds: 1800, ttlSeconds: 600 }))).toBe(30);
    expect(minutesLater(nextDueAfterSuccess(now, 900, { maxAgeSeconds: 60 }))).toBe(15);
  });

  it('waits a day at most', () => {
    expect(minutesLater(nextDueAfterSuccess(now, 900, { ttlSeconds: 7 * 24 * 3600 }))).toBe(24 * 60);
  });
});

describe(nextDueAfterFailure.name, () => {
  it('doubles the wait per consecutive failure, up to the cap', () => {
    const cap = 6 * 3600 * 1000;
    expect(
      [1, 2, 3, 4, 5, 10].map((failures) => minutesLater(nextDueAfterFailure(now, 900, failures, cap))),
    ).toEqual([30, 60, 120, 240, 360, 360]);
  });
});
