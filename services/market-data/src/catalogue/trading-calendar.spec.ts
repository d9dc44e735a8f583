import { isTradingAt } from './trading-calendar';

const stock = { calendar: 'exchange' as const, exchangeTimezone: 'America/New_York' };
const fx = { calendar: '24/5' as const, exchangeTimezone: null };
const crypto = { calendar: '24/7' as const, exchangeTimezone: null };

describe(isTradingAt.name, () => {
  it('trades crypto around the clock', () => {
    expect(isTradingAt(crypto, new Date('2026-11-28T03:00:00Z'))).toBe(true);
  });

  it('trades FX from Sunday 22:00 to Friday 22:00 UTC', () => {
    expect(isTradingAt(fx, new Date('2026-11-27T21:59:00Z'))).toBe(true);
    expect(isTradingAt(fx, new Date('2026-11-27T22:00:00Z'))).toBe(false);
    expect(isTradingAt(fx, new Date('2026-11-28T12:00:00Z'))).toBe(false);
    expect(isTradingAt(fx, new Date('2026-11-29T21:59:00Z'))).toBe(false);
    expect(isTradingAt(fx, new Date('2026-11-29T22:00:00Z'))).toBe(true);
  });

  it('trades NYSE stocks 09:30-16:00 New York time, daylight saving included', () => {
    // November: EST (UTC-5) → 14:30-21:00 UTC.
    expect(isTradingAt(stock, new Date('2026-11-23T14:29:00Z'))).toBe(false);
    expect(isTradingAt(stock, new Date('2026-11-23T14:30:00Z'))).toBe(true);
    expect(isTradingAt(stock, new Date('2026-11-23T20:59:00Z'))).toBe(true);
    expect(isTradingAt(stock, new Date('2026-11-23T21:00:00Z'))).toBe(false);
    // July: EDT (UTC-4) → 13:30-20:00 UTC.
    expect(isTradingAt(stock, new Date('2026-07-15T13:30:00Z'))).toBe(true);
    expect(isTradingAt(stock, new Date('2026-07-15T20:00:00Z'))).toBe(false);
    // Saturday.
    expect(isTradingAt(stock, new Date('2026-11-28T15:00:00Z'))).toBe(false);
  });
});
