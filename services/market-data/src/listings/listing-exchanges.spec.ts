import { DEFAULT_EXCHANGE_TIMEZONE, exchangeTimezone } from './listing-exchanges';

describe(exchangeTimezone.name, () => {
  it('knows the zone of the usual listing venues', () => {
    expect(exchangeTimezone('NASDAQ')).toBe('America/New_York');
    expect(exchangeTimezone('LSE')).toBe('Europe/London');
  });

  it('falls back to New York hours for an unknown or missing exchange', () => {
    expect(exchangeTimezone('MOON')).toBe(DEFAULT_EXCHANGE_TIMEZONE);
    expect(exchangeTimezone(undefined)).toBe(DEFAULT_EXCHANGE_TIMEZONE);
  });
});
