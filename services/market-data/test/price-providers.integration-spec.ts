import {
  contractForType,
  validateEnvelope,
  validatePayload,
  type PriceUpdatedV1,
} from '@marketpulse/contracts';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { runJob } from '../../../test/support/run-job';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { MarketDataConfig } from '../src/market-data.config';
import type { DailyHistoryDto } from '../src/prices/dto/daily-history.dto';
import type { PriceDto } from '../src/prices/dto/price.dto';
import { ReplayServer, fixture, stooqQuotesDated, stooqQuotesFor } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Last Wednesday 15:00 UTC: FX, metals and the New York session (09:30-16:00 local) all trade then. */
function lastWednesdayAfternoon(now = new Date()): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 15));
  const back = (at.getUTCDay() - 3 + 7) % 7 || 7;
  return new Date(at.getTime() - back * DAY_MS);
}

/** The stooq quotes of the ticks' day (after 15:00 UTC, so each is the price of its tick). */
const stooqQuotes = () => stooqQuotesDated(lastWednesdayAfternoon().toISOString().slice(0, 10));

/** The stooq quote fixture with some closes replaced, as a feed gone wrong would send them. */
function stooqWith(closes: Record<string, string>) {
  const csv = stooqQuotes()
    .trim()
    .split('\n')
    .map((row) => {
      const cells = row.split(',');
      if (closes[cells[0]] !== undefined) cells[6] = closes[cells[0]];
      return cells.join(',');
    })
    .join('\n');
  return (url: URL) => stooqQuotesFor(url, csv);
}

/**
 * Stooq's recorded gold history, moved to the three days before yesterday so that it lies in the
 * backfill window whenever the test runs. Every other symbol: Stooq's "No data".
 */
function stooqHistory(url: URL) {
  if (url.searchParams.get('s') !== 'xauusd') return { body: fixture('stooq-history-no-data.txt') };
  const [header, ...rows] = fixture('stooq-history-xauusd.csv').trim().split('\n');
  const moved = rows.map((row, index) =>
    [recentDay(rows.length + 1 - index), ...row.split(',').slice(1)].join(','),
  );
  return { body: [header, ...moved].join('\n') + '\n' };
}

function recentDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

describe('market-data with HTTP providers (tiered sources, sanity band)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: ReplayServer;
  let service: RunningService<MarketDataConfig>;
  let nc: NatsConnection;
  let published: Msg[];
  let outcomes: Msg[];
  const first = lastWednesdayAfternoon();
  const second = new Date(first.getTime() + MINUTE_MS);

  const pricesAt = (asOf: Date) =>
    published
      .map((message) => message.json<{ data: PriceUpdatedV1 }>().data)
      .filter((event) => event.asOf === asOf.toISOString());
  const countsOf = (runId: string) =>
    outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await new ReplayServer().start();
    server.on('/q/l/', (url) => stooqQuotesFor(url, stooqQuotes()));
    server.on('/q/d/l/', stooqHistory);
    server.on('/latest', (url) => {
      const base = url.searchParams.get('from')!;
      return ['EUR', 'USD', 'GBP'].includes(base)
        ? { body: fixture(`frankfurter-latest-${base.toLowerCase()}.json`) }
        : { status: 404, body: fixture('frankfurter-not-found.json') };
    });
    nc = await plainClient();
    published = collect(nc, `${namespace}.price.updated.>`);
    outcomes = collect(nc, `${namespace}.job.>`);
    await nc.flush();
    service = await startService(
      MarketDataConfig,
      (config) => AppModule.forRoot(config),
      {
        DATABASE_URL: database.url,
        NATS_URL,
        MESSAGING_NAMESPACE: namespace,
        OUTBOX_POLL_INTERVAL_MS: '200',
        MARKET_DATA_PROVIDERS: 'stooq,frankfurter,simulated',
        STOOQ_BASE_URL: server.url,
        FRANKFURTER_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
      },
      'market-data',
    );
  });

  afterAll(async () => {
    await service?.close();
    await server?.stop();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('takes each symbol from the first provider that answers and says which one it was', async () => {
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: first },
      outcomes,
      namespace,
    );
    await expectEventually(() => expect(pricesAt(first).map((event) => event.symbol)).toContain('XRHUSD'));
    for (const message of published) {
      const envelope = validateEnvelope(message.json());
      validatePayload(contractForType(envelope.type, envelope.version)!, envelope.data);
    }
    const bySymbol = new Map(pricesAt(first).map((event) => [event.symbol, event]));
    const seen = (symbol: string) => {
      const event = bySymbol.get(symbol)!;
      return `${event.price} ${event.source} ${event.synthetic ? 'synthetic' : 'observed'}`;
    };
    expect(seen('XAUUSD')).toBe('4231.55 stooq observed');
    expect(seen('WTI')).toBe('86.52 stooq observed');
    expect(seen('EURUSD')).toBe('1.16302 stooq observed');
    expect(seen('AAPL')).toBe('270.35 stooq observed');
    // Stooq answers N/D for GBPUSD: the ECB rate comes next. Rhodium is listed nowhere: simulated.
    expect(seen('GBPUSD')).toBe('1.33520 frankfurter observed');
    expect(seen('USDJPY')).toBe('160.810 frankfurter observed');
    expect(seen('XRHUSD')).toMatch(/^\d+\.\d{2} simulated synthetic$/);
    // The batches Stooq was asked for hold only mapped symbols.
    const asked = server.requestsTo('/q/l/').flatMap((url) => url.searchParams.get('s')!.split(' '));
    expect(asked).toContain('aapl.us');
    expect(asked).not.toContain('xrhusd');
    expect(countsOf(runId)).toMatchObject({ rejected: 0, unanswered: 0 });

    const gold = await service.get<PriceDto>('/prices/XAUUSD');
    expect(gold.status).toBe(200);
    expect(gold.body).toMatchObject({ price: '4231.55', source: 'stooq', synthetic: false });
    const pound = await service.get<PriceDto>('/prices/GBPUSD');
    expect(pound.body).toMatchObject({ price: '1.33520', source: 'frankfurter', synthetic: false });
  });

  it('rejects a zero and a 100x jump: logged, counted in /metrics, neither stored nor published', async () => {
    server.on('/q/l/', stooqWith({ XAUUSD: '423155.00', 'AAPL.US': '0', 'NVDA.US': '1.8612' }));
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: second },
      outcomes,
      namespace,
    );
    await expectEventually(() => expect(pricesAt(second).map((event) => event.symbol)).toContain('WTI'));

    const symbols = pricesAt(second).map((event) => event.symbol);
    // 423155.00 / 4231.55 = 100x: out. 1.8612 / 186.12 = 1/100: out. Zero: out. WTI unchanged: in.
    expect(symbols).not.toContain('XAUUSD');
    expect(symbols).not.toContain('AAPL');
    expect(symbols).not.toContain('NVDA');
    expect(countsOf(runId)).toMatchObject({ rejected: 3 });

    const gold = await service.get<PriceDto>('/prices/XAUUSD');
    expect(gold.body).toMatchObject({ price: '4231.55', asOf: first.toISOString(), source: 'stooq' });
    const metrics = await service.get<string>('/metrics');
    expect(metrics.body).toContain(
      'marketpulse_price_quotes_rejected_total{symbol="XAUUSD",source="stooq",reason="jump"} 1',
    );
    expect(metrics.body).toContain(
      'marketpulse_price_quotes_rejected_total{symbol="AAPL",source="stooq",reason="not-positive"} 1',
    );
    expect(metrics.body).toContain(
      'marketpulse_price_quotes_rejected_total{symbol="NVDA",source="stooq",reason="jump"} 1',
    );
    expect(metrics.body).toMatch(
      /marketpulse_provider_requests_total\{provider="stooq",outcome="ok"\} [1-9]/,
    );
  });

  it('imports the daily bars Stooq has over the synthetic ones, once, and keeps real bars', async () => {
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'import-history' },
      outcomes,
      namespace,
    );
    expect(countsOf(runId)).toMatchObject({ imported: 1, barsReplaced: 3 });
    // Only symbols with a Stooq listing were asked for.
    const asked = server.requestsTo('/q/d/l/').map((url) => url.searchParams.get('s'));
    expect(asked).toEqual(expect.arrayContaining(['xauusd', 'aapl.us', 'cl.f']));
    expect(asked).not.toContain('xrhusd');

    const from = recentDay(4);
    const bars = await service.get<DailyHistoryDto>(
      `/prices/XAUUSD/history?interval=1d&from=${from}&to=${recentDay(2)}`,
    );
    expect(
      bars.body.bars.map(({ date, open, high, low, close, source, synthetic }) => ({
        date,
        open,
        high,
        low,
        close,
        source,
        synthetic,
      })),
    ).toEqual([
      {
        date: recentDay(4),
        open: '4188.12',
        high: '4212.40',
        low: '4170.05',
        close: '4205.31',
        source: 'stooq',
        synthetic: false,
      },
      {
        date: recentDay(3),
        open: '4205.31',
        high: '4226.87',
        low: '4190.44',
        close: '4219.80',
        source: 'stooq',
        synthetic: false,
      },
      {
        date: recentDay(2),
        open: '4219.80',
        high: '4239.44',
        low: '4195.62',
        close: '4231.55',
        source: 'stooq',
        synthetic: false,
      },
    ]);

    const again = await runJob(
      service.app,
      { service: 'market-data', job: 'import-history' },
      outcomes,
      namespace,
    );
    expect(countsOf(again)).toMatchObject({ imported: 1, barsReplaced: 0 });
  });
});
