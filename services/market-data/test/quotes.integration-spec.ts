import { Kvm } from '@nats-io/kv';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';
import { LatestQuoteBucket, type CachedQuote } from '../src/quotes/latest-quote-bucket';

describe('market-data latest-quote cache in a NATS KV bucket', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let nc: NatsConnection;
  let outcomes: Msg[];

  beforeAll(async () => {
    md = await startMarketData(namespace, { env: { HISTORY_BACKFILL_DAYS: '30' } });
    ({ service, nc, outcomes } = md);
  });

  afterAll(() => md?.close());

  it('holds the latest published quote of every symbol, readable by any NATS client', async () => {
    await runJob(service.app, { service: 'market-data', job: 'refresh-prices' }, outcomes, namespace);
    const latest = (await service.get<{ symbol: string; price: string; asOf: string }[]>('/prices/latest'))
      .body;
    expect(latest.length).toBeGreaterThan(20);

    // What another system does: open the bucket by name and read keys, no HTTP.
    const kv = await new Kvm(nc).open(`${namespace.toUpperCase()}_QUOTES`);
    await expectEventually(async () => {
      for (const quote of latest) {
        const entry = await kv.get(quote.symbol);
        expect(entry?.json<CachedQuote>()).toMatchObject({
          symbol: quote.symbol,
          price: quote.price,
          asOf: quote.asOf,
        });
      }
    }, 20_000);
  });

  it('never replaces a quote with an older one, whatever order they arrive in', async () => {
    const bucket = service.app.get(LatestQuoteBucket);
    const current = (await bucket.read('XAUUSD'))!;
    const older: CachedQuote = {
      ...current,
      price: '1.00',
      asOf: new Date(Date.parse(current.asOf) - 60_000).toISOString(),
    };
    expect(await bucket.offer(older)).toBe(false);
    expect((await bucket.read('XAUUSD'))!.price).toBe(current.price);

    const newer: CachedQuote = {
      ...current,
      price: '9999.99',
      asOf: new Date(Date.parse(current.asOf) + 60_000).toISOString(),
    };
    // Two writers at once (replicas): both compare-and-set; the newer quote is what stays.
    const results = await Promise.all([bucket.offer(newer), bucket.offer(older), bucket.offer(newer)]);
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect((await bucket.read('XAUUSD'))!).toMatchObject({ price: '9999.99', asOf: newer.asOf });
  });
});
