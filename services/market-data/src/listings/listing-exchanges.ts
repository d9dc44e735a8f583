/** IANA zones of the exchanges IPOs list on; the catalogue's `exchange` calendar trades 09:30-16:00 there. */
export const EXCHANGE_TIMEZONES: Readonly<Record<string, string>> = {
  NASDAQ: 'America/New_York',
  NYSE: 'America/New_York',
  AMEX: 'America/New_York',
  TSX: 'America/Toronto',
  LSE: 'Europe/London',
  XETRA: 'Europe/Berlin',
  EURONEXT: 'Europe/Paris',
  SIX: 'Europe/Zurich',
  TSE: 'Asia/Tokyo',
  HKEX: 'Asia/Hong_Kong',
  SGX: 'Asia/Singapore',
  ASX: 'Australia/Sydney',
};

/** Most IPOs list in New York; an exchange the table does not know is given its hours. */
export const DEFAULT_EXCHANGE_TIMEZONE = 'America/New_York';

export function exchangeTimezone(exchange: string | undefined): string {
  return (exchange && EXCHANGE_TIMEZONES[exchange]) ?? DEFAULT_EXCHANGE_TIMEZONE;
}

/**
 * Newly listed stocks swing more than the large caps of the catalogue (25-60 %): the simulation starts
 * them at a high but not extreme annualised volatility.
 */
export const NEW_LISTING_VOLATILITY = '0.6000';
