import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { MarketDataConfig } from '../src/market-data.config';
import type { PriceDto } from '../src/prices/dto/price.dto';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, stooqQuotesDated, stooqQuotesFor } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Last Wednesday 15:00 UTC: gold trades then (24/7 anyway), and the quotes of the evening before are fresh enough. */
function lastWednesdayAfternoon(now = new Date()): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 15));
  return new Date(at.getTime() - ((at.getUTCDay() - 3 + 7) % 7 || 7) * DAY_MS);
}

describe('market-data refresh-prices with a provider repeating its last quote (a closed market)', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let published: Msg[];
  const first = lastWednesdayAfternoon();
  const day = (at: Date) => new Date(at.getTime() - DAY_MS).toISOString().slice(0, 10);
  /** Stooq's quote of gold from the evening before the first tick, the same for every tick. */
  const lastClose = stooqQuotesDated(day(first));

  const refresh = async (at: Date) => {
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: at },
      md.outcomes,
      namespace,
    );
    return md.outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;
  };
  const goldEvents = () => published.map((message) => message.json<{ data: PriceUpdatedV1 }>().data);
  const goldTicks = async () =>
    (
      await service.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS ticks FROM price_history WHERE symbol = 'XAUUSD'`)
    )[0].ticks as number;

  beforeAll(async () => {
    server = await new ReplayServer().start();
    server.on('/q/l/', (url) => stooqQuotesFor(url, lastClose));
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq',
        STOOQ_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
        HISTORY_BACKFILL_DAYS: '30',
      },
      collect: ['price.updated.XAUUSD'],
    });
    service = md.service;
    published = md.collected['price.updated.XAUUSD'];
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('stores and publishes the quote once, and counts the same answer on the next tick as unchanged', async () => {
    await refresh(first);
    await expectEventually(() => expect(goldEvents()).toHaveLength(1));
    expect(goldEvents()[0]).toMatchObject({ price: '4231.55', source: 'stooq' });
    expect(await goldTicks()).toBe(1);
    const stored = (await service.get<PriceDto>('/prices/XAUUSD')).body;

    const requestsBefore = server.requestsTo('/q/l/').length;
    const counts = await refresh(new Date(first.getTime() + MINUTE_MS));
    // Stooq was asked again and gave the same body: nothing new is stored, published or rolled up.
    expect(server.requestsTo('/q/l/').length).toBeGreaterThan(requestsBefore);
    expect(counts.updated).toBe(0);
    expect(counts.unchanged).toBeGreaterThanOrEqual(1);
    expect(await goldTicks()).toBe(1);
    expect((await service.get<PriceDto>('/prices/XAUUSD')).body).toEqual(stored);
    const metrics = (await service.get<string>('/metrics')).body;
    expect(metrics).toContain('marketpulse_price_quotes_unchanged_total{symbol="XAUUSD",source="stooq"} 1');

    // The market opens again: a new quote time and price is stored and published as usual.
    server.on('/q/l/', (url) =>
      stooqQuotesFor(
        url,
        lastClose.replace(/^XAUUSD,([\d-]+),22:59:57,(.*),4231\.55,/m, 'XAUUSD,$1,23:30:00,$2,4233.10,'),
      ),
    );
    await refresh(new Date(first.getTime() + 2 * MINUTE_MS));
    await expectEventually(() => expect(goldEvents()).toHaveLength(2));
    expect(goldEvents()[1]).toMatchObject({ price: '4233.10', previousPrice: '4231.55' });
    expect(await goldTicks()).toBe(2);

    // A lagging answer older than the stored quote (the evening's close again) does not move the price back.
    const latest = (await service.get<PriceDto>('/prices/XAUUSD')).body;
    server.on('/q/l/', (url) => stooqQuotesFor(url, lastClose));
    const lagging = await refresh(new Date(first.getTime() + 3 * MINUTE_MS));
    expect(lagging.updated).toBe(0);
    expect(await goldTicks()).toBe(2);
    expect((await service.get<PriceDto>('/prices/XAUUSD')).body).toEqual(latest);
    expect(goldEvents()).toHaveLength(2);
  });
});
