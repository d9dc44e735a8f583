import {
  contractForType,
  validateEnvelope,
  validatePayload,
  type FxRateUpdatedV1,
} from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Needs FxController and FxRatesService registered in AppModule. FX pairs trade 24/5, so the refresh is
 * stamped with last Wednesday noon (UTC) whatever day the test runs; the rates come out stale, which is
 * what `stale` is for.
 */
function lastWednesdayNoon(now = new Date()): Date {
  const noon = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
  const back = (noon.getUTCDay() - 3 + 7) % 7 || 7;
  return new Date(noon.getTime() - back * DAY_MS);
}

interface Conversion {
  amount: string;
  from: string;
  to: string;
  rate: string;
  converted: string;
  asOf: string | null;
  path: string[];
}

describe('market-data FX rates (fx.rate.updated, /fx/rates, /fx/convert)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let published: Msg[];
  let outcomes: Msg[];
  const asOf = lastWednesdayNoon();

  beforeAll(async () => {
    md = await startMarketData(namespace, { collect: ['fx.rate.updated.>'] });
    ({ service, outcomes } = md);
    published = md.collected['fx.rate.updated.>'];

    await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: asOf },
      outcomes,
      namespace,
    );
  });

  afterAll(() => md?.close());

  it('publishes fx.rate.updated for every FX pair, valid against the contract and equal to its price', async () => {
    await expectEventually(() =>
      expect(published.map((message) => message.subject)).toContain(`${namespace}.fx.rate.updated.EURUSD`),
    );
    const events = published.map((message) => {
      const envelope = validateEnvelope(message.json());
      const payload = validatePayload(contractForType(envelope.type, envelope.version)!, envelope.data);
      expect(envelope.type).toBe('fx.rate.updated');
      expect(message.subject).toBe(`${namespace}.fx.rate.updated.${(payload as FxRateUpdatedV1).pair}`);
      return payload as FxRateUpdatedV1;
    });
    const eurusd = events.find((event) => event.pair === 'EURUSD')!;
    expect(eurusd).toMatchObject({ base: 'EUR', quote: 'USD', asOf: asOf.toISOString(), synthetic: true });
    const price = await service.get<{ price: string }>('/prices/EURUSD');
    expect(Number(eurusd.rate)).toBeCloseTo(Number(price.body.price), 4);
    expect(events.map((event) => event.pair)).toEqual(expect.arrayContaining(['GBPUSD', 'USDJPY']));
  });

  it('serves every pair and the rates of a base, direct, inverse and through USD', async () => {
    const usd = await service.get<{ base: string; pairs: { pair: string; stale: boolean }[] }>('/fx/rates');
    expect(usd.status).toBe(200);
    expect(usd.body.base).toBe('USD');
    expect(usd.body.pairs.map((pair) => pair.pair)).toEqual(expect.arrayContaining(['EURUSD', 'USDJPY']));
    expect(usd.body.pairs.every((pair) => pair.stale)).toBe(true);

    const eur = await service.get<{
      base: string;
      rates: { quote: string; rate: string; path: string[]; asOf: string; stale: boolean }[];
    }>('/fx/rates?base=eur');
    expect(eur.status).toBe(200);
    expect(eur.body.base).toBe('EUR');
    const byQuote = new Map(eur.body.rates.map((rate) => [rate.quote, rate]));
    expect(byQuote.get('USD')!.path).toEqual(['EUR', 'USD']);
    expect(byQuote.get('GBP')!.path).toEqual(['EUR', 'USD', 'GBP']);
    expect(byQuote.get('JPY')!.path).toEqual(['EUR', 'USD', 'JPY']);
    expect(byQuote.get('JPY')!.asOf).toBe(asOf.toISOString());
    expect(byQuote.has('EUR')).toBe(false);

    expect((await service.get('/fx/rates?base=EURO')).status).toBe(400);
    const unknown = await service.get<{ message: string }>('/fx/rates?base=XYZ');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('EUR');
  });

  it('converts through USD, inverts, keeps a currency as it is, and agrees with /fx/rates', async () => {
    const eurjpy = await service.get<Conversion>('/fx/convert?amount=100&from=eur&to=JPY');
    expect(eurjpy.status).toBe(200);
    expect(eurjpy.body).toMatchObject({ amount: '100', from: 'EUR', to: 'JPY', path: ['EUR', 'USD', 'JPY'] });
    expect(eurjpy.body.converted).toMatch(/^\d+\.\d{8}$/);
    expect(Number(eurjpy.body.converted)).toBeCloseTo(100 * Number(eurjpy.body.rate), 4);

    const usdeur = await service.get<Conversion>('/fx/convert?amount=1&from=USD&to=EUR');
    expect(usdeur.body.path).toEqual(['USD', 'EUR']);
    const eurusd = await service.get<Conversion>('/fx/convert?amount=1&from=EUR&to=USD');
    expect(Number(usdeur.body.rate) * Number(eurusd.body.rate)).toBeCloseTo(1, 10);

    const same = await service.get<Conversion>('/fx/convert?amount=12.5&from=GBP&to=gbp');
    expect(same.body).toMatchObject({ rate: '1', converted: '12.50000000', path: ['GBP'], asOf: null });
  });

  it('refuses bad input with 400 and unknown currencies with 404 naming the known ones', async () => {
    for (const query of [
      'amount=-1&from=EUR&to=USD',
      'amount=1e3&from=EUR&to=USD',
      'amount=abc&from=EUR&to=USD',
      'amount=123456789012345678901&from=EUR&to=USD',
      'from=EUR&to=USD',
      'amount=1&from=EURO&to=USD',
      'amount=1&from=EUR',
      'amount=1&from=EUR&to=US1',
    ]) {
      const response = await service.get<{ message: unknown }>(`/fx/convert?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    const unknown = await service.get<{ message: string }>('/fx/convert?amount=1&from=EUR&to=XYZ');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toMatch(/XYZ.*EUR.*JPY.*USD/);
  });
});
