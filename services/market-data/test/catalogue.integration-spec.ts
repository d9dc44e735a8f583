import { DataSource } from 'typeorm';
import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import type { Msg } from '@nats-io/nats-core';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';

const admin = {
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'ops', { roles: ['admin'] })}`,
};
const user = { authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'alice')}` };

const ARM = {
  symbol: 'ARMX',
  name: 'Arm Holdings (test listing)',
  category: 'stock',
  unit: 'share',
  currency: 'USD',
  calendar: '24/7',
  referencePrice: '140.25',
  annualVolatility: '0.45',
  priceDecimals: 2,
  providerSymbols: { stooq: 'arm.us', twelvedata: 'ARM' },
};

interface InstrumentBody {
  symbol: string;
  name: string;
  enabled: boolean;
  calendar: string;
  exchangeTimezone: string | null;
  providerSymbols: Record<string, string>;
  referencePrice: string;
}

describe('market-data catalogue as data (/instruments CRUD)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let prices: Msg[];
  let outcomes: Msg[];

  beforeAll(async () => {
    md = await startMarketData(namespace, {
      env: { HISTORY_BACKFILL_DAYS: '60' },
      collect: ['price.updated.ARMX'],
    });
    ({ service, outcomes } = md);
    prices = md.collected['price.updated.ARMX'];
  });

  afterAll(() => md?.close());

  it('refuses changes without a token (401) and from a non-admin (403)', async () => {
    expect((await service.post('/instruments', ARM)).status).toBe(401);
    const forbidden = await service.post<{ message: string }>('/instruments', ARM, user);
    expect(forbidden.status).toBe(403);
    expect((await service.request('DELETE', '/instruments/XAUUSD', undefined, user)).status).toBe(403);
  });

  it('refuses a malformed instrument with 400s that name the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...ARM, symbol: 'arm x' }, /symbol must be upper-case/],
      [{ ...ARM, category: 'tulips' }, /category must be one of/],
      [{ ...ARM, currency: 'usd' }, /currency must be a three-letter/],
      [{ ...ARM, referencePrice: '-1' }, /referencePrice must be a positive decimal/],
      [{ ...ARM, referencePrice: 140.25 }, /referencePrice must be a positive decimal/],
      [{ ...ARM, annualVolatility: '9' }, /annualVolatility must be between 0 and 5/],
      [{ ...ARM, calendar: 'exchange' }, /exchangeTimezone must be an IANA time zone/],
      [
        { ...ARM, calendar: 'exchange', exchangeTimezone: 'Mars/Olympus' },
        /exchangeTimezone must be an IANA/,
      ],
      [{ ...ARM, providerSymbols: { stooq: 'a b' } }, /stooq must be a provider symbol/],
      [{ ...ARM, priceDecimals: 12 }, /priceDecimals must not be greater than 8/],
    ];
    for (const [body, message] of cases) {
      const response = await service.post<{ message: string | string[] }>('/instruments', body, admin);
      expect(response.status).toBe(400);
      expect(String(response.body.message)).toMatch(message);
    }
    expect((await service.get('/instruments/ARMX')).status).toBe(404);
    const reserved = await service.post<{ message: string }>(
      '/instruments',
      { ...ARM, symbol: 'LATEST' },
      admin,
    );
    expect(reserved.status).toBe(422);
    expect(reserved.body.message).toMatch(/\/prices\/latest/);
  });

  it('adds an instrument that the next refresh quotes and publishes, with generated history', async () => {
    const created = await service.post<InstrumentBody>('/instruments', ARM, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ symbol: 'ARMX', enabled: true, referencePrice: '140.25000000' });
    expect(created.body.providerSymbols).toEqual({ stooq: 'arm.us', twelvedata: 'ARM' });

    const again = await service.post<{ message: string }>('/instruments', ARM, admin);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/exists already/);

    await runJob(service.app, { service: 'market-data', job: 'refresh-prices' }, outcomes, namespace);
    await expectEventually(() => expect(prices.length).toBeGreaterThan(0));
    const latest = await service.get<{ symbol: string; price: string }>('/prices/ARMX');
    expect(latest.status).toBe(200);
    expect(latest.body.symbol).toBe('ARMX');

    await expectEventually(async () => {
      const history = await service.get<{ bars: unknown[] }>('/prices/ARMX/history?interval=1d');
      expect(history.status).toBe(200);
      expect(history.body.bars.length).toBeGreaterThanOrEqual(59);
    });
    const listed = await service.get<InstrumentBody[]>('/instruments?category=stock');
    expect(listed.body.map((instrument) => instrument.symbol)).toContain('ARMX');
  });

  it('changes what may change and refuses an exchange calendar without a zone (422)', async () => {
    const renamed = await service.request<InstrumentBody>(
      'PATCH',
      '/instruments/armx',
      { name: 'Arm Holdings plc', calendar: 'exchange', exchangeTimezone: 'America/New_York' },
      admin,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Arm Holdings plc', exchangeTimezone: 'America/New_York' });

    const unknownField = await service.request<{ message: string[] }>(
      'PATCH',
      '/instruments/ARMX',
      { symbol: 'X' },
      admin,
    );
    expect(unknownField.status).toBe(400);
    expect(String(unknownField.body.message)).toMatch(/property symbol should not exist/);

    const noZone = await service.request<{ message: string }>(
      'PATCH',
      '/instruments/XAUUSD',
      { calendar: 'exchange' },
      admin,
    );
    expect(noZone.status).toBe(422);
    expect(noZone.body.message).toMatch(/exchangeTimezone/);

    expect((await service.request('PATCH', '/instruments/NOPE', { name: 'x' }, admin)).status).toBe(404);

    // null is not "left out": a NOT NULL field sent as null is a 400 naming it, not a database error.
    const nulled = await service.request<{ message: string }>(
      'PATCH',
      '/instruments/ARMX',
      { enabled: null, unit: null, providerOrder: null },
      admin,
    );
    expect(nulled.status).toBe(400);
    expect(nulled.body.message).toMatch(/^enabled, unit cannot be null/);
    const unchanged = await service.get<InstrumentBody>('/instruments/ARMX');
    expect(unchanged.body).toMatchObject({ enabled: true, name: 'Arm Holdings plc' });

    // An order a configuration change left unusable here (the runtime falls back to the global order)
    // does not block a change that is not about who quotes the instrument; one that is, is refused.
    await service.app
      .get(DataSource)
      .query(`UPDATE instruments SET provider_order = '{twelvedata}' WHERE symbol = 'ARMX'`);
    const rename = await service.request('PATCH', '/instruments/ARMX', { name: 'Arm plc' }, admin);
    expect(rename.status).toBe(200);
    const reordered = await service.request(
      'PATCH',
      '/instruments/ARMX',
      { providerSymbols: { twelvedata: 'ARM' } },
      admin,
    );
    expect(reordered.status).toBe(422);
    await service.request('PATCH', '/instruments/ARMX', { providerOrder: null }, admin);
  });

  it('retires an instrument: no longer quoted, its prices still readable, and it can come back', async () => {
    const retired = await service.request<InstrumentBody>('DELETE', '/instruments/ARMX', undefined, admin);
    expect(retired.status).toBe(200);
    expect(retired.body.enabled).toBe(false);
    const before = prices.length;
    await runJob(service.app, { service: 'market-data', job: 'refresh-prices' }, outcomes, namespace);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(prices.length).toBe(before);
    expect((await service.get('/prices/ARMX')).status).toBe(200);
    const enabledOnly = await service.get<InstrumentBody[]>('/instruments?enabled=false');
    expect(enabledOnly.body.map((instrument) => instrument.symbol)).toEqual(['ARMX']);

    const back = await service.request<InstrumentBody>(
      'PATCH',
      '/instruments/ARMX',
      { enabled: true },
      admin,
    );
    expect(back.body.enabled).toBe(true);
    expect((await service.get('/instruments?enabled=maybe')).status).toBe(400);
  });
});
