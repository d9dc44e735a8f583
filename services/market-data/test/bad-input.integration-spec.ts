import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { testNamespace } from '../../../test/support/infrastructure';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';

const admin = {
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'ops', { roles: ['admin'] })}`,
};

const INSTRUMENT = {
  symbol: 'BIGX',
  name: 'Too big to store',
  category: 'stock',
  unit: 'share',
  currency: 'USD',
  calendar: '24/7',
  referencePrice: '140.25',
  annualVolatility: '0.45',
  priceDecimals: 2,
};

/** Inputs that pass a shape check but that PostgreSQL or a Date cannot hold: each a 400 that says why. */
describe('market-data refuses impossible dates and oversized prices with a 400, not a 500', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;

  beforeAll(async () => {
    md = await startMarketData(namespace, { env: { HISTORY_BACKFILL_DAYS: '30' } });
    ({ service } = md);
  });

  afterAll(() => md?.close());

  const expect400 = async (path: string, message: RegExp) => {
    const response = await service.get<{ message: string | string[] }>(path);
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect([response.body.message].flat().join('; ')).toMatch(message);
  };

  it('refuses a since that is not a day of the calendar', async () => {
    for (const since of ['2026-02-30', '2025-02-29', '0000-01-01', '1899-12-31', '2026-13-01'])
      await expect400(`/signals?since=${since}`, /since must be a day such as 2026-11-01/);
    expect((await service.get('/signals?since=2024-02-29')).status).toBe(200);
    expect((await service.get('/signals?since=1900-01-01')).status).toBe(200);
  });

  it('refuses a report day that is not a day of the calendar', async () => {
    for (const day of ['2026-02-30', '0000-01-01', '1899-12-31', '2026-04-31'])
      await expect400(`/reports/daily/${day}`, /is not a day such as 2026-11-25/);
    expect((await service.get('/reports/daily/2024-02-29')).status).toBe(404);
  });

  it('refuses history bounds outside the years a price can have', async () => {
    const cases: [string, RegExp][] = [
      ['from=2026-02-30', /from must be an ISO-8601 date-time/],
      ['from=0000-01-01', /from must be .*1900/],
      ['interval=1d&from=0000-01-01', /from must be .*1900/],
      ['to=0001-01-01T00:00:00Z&from=0001-01-01', /to must be .*1900/],
      ['to=9999-12-31T23:00:00-05:00', /to must be .*9999/],
      ['interval=1d&to=9999-12-31T23:00:00-05:00', /to must be .*9999/],
    ];
    for (const [query, message] of cases) await expect400(`/prices/XAUUSD/history?${query}`, message);
    expect((await service.get('/prices/XAUUSD/history?interval=1d&from=1900-01-01')).status).toBe(200);
  });

  it('converts the largest amount it accepts and refuses a larger one', async () => {
    const largest = await service.get(
      `/fx/convert?amount=${'9'.repeat(20)}.${'9'.repeat(12)}&from=EUR&to=JPY`,
    );
    expect([200, 404]).toContain(largest.status);
    await expect400(`/fx/convert?amount=${'9'.repeat(21)}&from=EUR&to=JPY`, /amount must be a plain decimal/);
  });

  it('refuses a reference price numeric(24,8) cannot hold, on create and on update', async () => {
    const cases = ['12345678901234567', '99999999999999999999', '1.123456789', '0.000000001'];
    for (const referencePrice of cases) {
      const created = await service.post<{ message: string[] }>(
        '/instruments',
        { ...INSTRUMENT, referencePrice },
        admin,
      );
      expect({ referencePrice, status: created.status }).toEqual({ referencePrice, status: 400 });
      expect(created.body.message.join('; ')).toMatch(/referencePrice must .*16 integer digits.*8 decimal/);
      const updated = await service.request<{ message: string[] }>(
        'PATCH',
        '/instruments/XAUUSD',
        { referencePrice },
        admin,
      );
      expect({ referencePrice, status: updated.status }).toEqual({ referencePrice, status: 400 });
      expect(updated.body.message.join('; ')).toMatch(/referencePrice must .*16 integer digits.*8 decimal/);
    }
    // Retired at once: the simulation would walk a price this size past the column within days.
    const largest = await service.post<{ referencePrice: string }>(
      '/instruments',
      { ...INSTRUMENT, referencePrice: '9999999999999999.99999999', enabled: false },
      admin,
    );
    expect(largest.status).toBe(201);
    expect(largest.body.referencePrice).toBe('9999999999999999.99999999');
  });
});
