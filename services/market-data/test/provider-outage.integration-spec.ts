import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, fixture } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Last Wednesday 15:00 UTC: FX, metals and the New York session all trade then. */
function lastWednesdayAfternoon(now = new Date()): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 15));
  const back = (at.getUTCDay() - 3 + 7) % 7 || 7;
  return new Date(at.getTime() - back * DAY_MS);
}

describe('market-data refresh through a provider outage (no simulated tier to fall back on)', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let prices: Msg[];
  const asOf = lastWednesdayAfternoon();

  beforeAll(async () => {
    server = await new ReplayServer().start();
    // Stooq is down for every request; the ECB rates still answer.
    server.on('/q/l/', { status: 503, body: fixture('stooq-maintenance.html') });
    server.on('/q/d/l/', { status: 503, body: fixture('stooq-maintenance.html') });
    server.on('/latest', (url) => {
      const base = url.searchParams.get('from')!;
      return ['EUR', 'USD', 'GBP'].includes(base)
        ? { body: fixture(`frankfurter-latest-${base.toLowerCase()}.json`) }
        : { status: 404, body: fixture('frankfurter-not-found.json') };
    });
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,frankfurter',
        STOOQ_BASE_URL: server.url,
        FRANKFURTER_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
      },
      collect: ['price.updated.>'],
    });
    prices = md.collected['price.updated.>'];
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('completes the job, counts the unanswered symbols and still updates the ones another provider has', async () => {
    const runId = await runJob(
      md.service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: asOf },
      md.outcomes,
      namespace,
    );
    const outcome = md.outcomes
      .map((message) => ({
        subject: message.subject,
        data: message.json<{ data: { runId: string; counts: Record<string, number> } }>().data,
      }))
      .find(({ data }) => data.runId === runId)!;
    expect(outcome.subject).toBe(`${namespace}.job.completed`);
    expect(server.requestsTo('/q/l/').length).toBeGreaterThan(0);

    const { counts } = outcome.data;
    expect(counts.unanswered).toBeGreaterThan(0);
    expect(counts.updated).toBeGreaterThan(0);
    await expectEventually(() => expect(prices).toHaveLength(counts.updated));
    const updated = prices.map((message) => message.json<{ data: PriceUpdatedV1 }>().data);
    expect(new Set(updated.map((event) => event.source))).toEqual(new Set(['frankfurter']));
    expect(updated.map((event) => event.symbol)).toEqual(
      expect.arrayContaining(['EURUSD', 'GBPUSD', 'USDJPY']),
    );

    // Stooq-only symbols keep no price rather than a made-up one.
    expect((await md.service.get('/prices/XAUUSD')).status).toBe(404);
    const euro = await md.service.get<{ source: string }>('/prices/EURUSD');
    expect(euro.body.source).toBe('frankfurter');
  });
});
