import { Logger } from '@nestjs/common';
import type { Msg } from '@nats-io/nats-core';
import { MarketDataConfig } from '../src/market-data.config';
import type { PriceDto } from '../src/prices/dto/price.dto';
import { FrankfurterProvider } from '../src/providers/frankfurter.provider';
import { StooqProvider } from '../src/providers/stooq.provider';
import { TieredPriceProvider } from '../src/providers/tiered-price.provider';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, fixture, stooqQuotesDated, stooqQuotesFor } from './replay-server';
import { ask, testInstrument } from './test-instruments';
import { testFetcher } from './test-fetcher';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** The fixture's gold quote: 2026-11-18 22:59:57 Warsaw time. */
const GOLD_QUOTED = '2026-11-18T21:59:57.000Z';

const GOLD = testInstrument('XAUUSD', { stooq: 'xauusd' });
const AAPL = testInstrument('AAPL', { stooq: 'aapl.us' }, { category: 'stock', unit: 'share' });
const EURUSD = testInstrument(
  'EURUSD',
  { stooq: 'eurusd' },
  { category: 'fx', unit: 'EUR', priceDecimals: 5 },
);

const fetcher = (provider: string, malformed: string[] = []) =>
  testFetcher(provider, { onMalformedValue: (name) => malformed.push(name) });

describe('Stooq quotes are as of their own date and time, and too old ones go to the next tier', () => {
  let server: ReplayServer;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  beforeEach(async () => {
    server = await new ReplayServer().start();
    server.on('/q/l/', stooqQuotesFor);
  });

  afterEach(() => server.stop());

  it('stamps each quote with Stooq’s date and time (Warsaw), not the tick’s', async () => {
    const quotes = await new StooqProvider(server.url, fetcher('stooq')).latestQuotes(
      ask(GOLD, AAPL),
      new Date('2026-11-20T12:00:00Z'),
    );
    expect(quotes.map((quote) => [quote.symbol, quote.asOf.toISOString()])).toEqual([
      ['XAUUSD', GOLD_QUOTED],
      ['AAPL', '2026-11-18T21:00:09.000Z'],
    ]);
  });

  it('keeps the tick’s time for a quote stamped after it (a replayed or late tick)', async () => {
    const tick = new Date('2026-11-18T15:00:00Z');
    const [gold] = await new StooqProvider(server.url, fetcher('stooq')).latestQuotes(ask(GOLD), tick);
    expect(gold.asOf).toEqual(tick);
  });

  it('leaves a quote older than the limit unanswered, so the next tier answers it', async () => {
    server.on('/latest', () => ({ body: fixture('frankfurter-latest-eur.json') }));
    const tiers = (maxAgeMs?: number) =>
      new TieredPriceProvider([
        new StooqProvider(server.url, fetcher('stooq'), maxAgeMs),
        new FrankfurterProvider(server.url, fetcher('frankfurter')),
      ]);
    const sources = async (provider: TieredPriceProvider, at: Date) =>
      Object.fromEntries(
        (await provider.latestQuotes(ask(GOLD, EURUSD), at)).map((quote) => [quote.symbol, quote.source]),
      );

    // Default: four days. Gold (Stooq only) goes unanswered; EURUSD comes from Frankfurter.
    const justInside = new Date(Date.parse(GOLD_QUOTED) + 4 * DAY_MS - 1000);
    expect(await sources(tiers(), justInside)).toEqual({ XAUUSD: 'stooq', EURUSD: 'stooq' });
    const fiveDaysOn = new Date(Date.parse(GOLD_QUOTED) + 5 * DAY_MS);
    expect(await sources(tiers(), fiveDaysOn)).toEqual({ EURUSD: 'frankfurter' });
    // A limit of one hour: the US close (21:00 UTC) is too old at 22:30, gold (21:59) is not.
    const at = new Date('2026-11-18T22:30:00Z');
    expect(
      (await new StooqProvider(server.url, fetcher('stooq'), HOUR_MS).latestQuotes(ask(GOLD, AAPL), at)).map(
        (quote) => quote.symbol,
      ),
    ).toEqual(['XAUUSD']);
  });

  it('counts a row whose date or time is not one as malformed', async () => {
    server.on('/q/l/', (url) =>
      stooqQuotesFor(
        url,
        'Symbol,Date,Time,Open,High,Low,Close,Volume\n' +
          'XAUUSD,2026-02-30,22:59:57,1,1,1,4231.55,\n' +
          'AAPL.US,2026-11-18,,1,1,1,270.35,1\n',
      ),
    );
    const malformed: string[] = [];
    const quotes = await new StooqProvider(server.url, fetcher('stooq', malformed)).latestQuotes(
      ask(GOLD, AAPL),
      new Date('2026-11-19T00:00:00Z'),
    );
    expect(quotes).toEqual([]);
    expect(malformed).toEqual(['stooq', 'stooq']);
  });
});

describe('market-data with PROVIDER_MAX_QUOTE_AGE_MS (refresh-prices)', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let outcomes: Msg[];
  // Last Wednesday 15:00 UTC: metals, FX and New York all trade then.
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const tick = new Date(today.getTime() + 15 * HOUR_MS - ((today.getUTCDay() - 3 + 7) % 7 || 7) * DAY_MS);
  const day = (offsetDays: number) =>
    new Date(tick.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await new ReplayServer().start();
    // Gold quoted the evening before the tick, silver three days before it.
    server.on('/q/l/', (url) =>
      stooqQuotesFor(url, stooqQuotesDated(day(-1)).replace(/^XAGUSD,[\d-]+,/m, `XAGUSD,${day(-3)},`)),
    );
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,simulated',
        STOOQ_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
        PROVIDER_MAX_QUOTE_AGE_MS: String(2 * DAY_MS),
        HISTORY_BACKFILL_DAYS: '30',
      },
    });
    ({ service, outcomes } = md);
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('stores Stooq’s quote time, and prices a symbol whose quote is too old from the next tier', async () => {
    await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: tick },
      outcomes,
      namespace,
    );
    const gold = (await service.get<PriceDto>('/prices/XAUUSD')).body;
    expect(gold).toMatchObject({ price: '4231.55', source: 'stooq' });
    expect(Date.parse(gold.asOf)).toBeLessThan(tick.getTime());
    expect(gold.asOf.slice(0, 10)).toBe(day(-1));
    // Three days is past the two-day limit: the simulation, the next tier, prices silver for the tick.
    const silver = (await service.get<PriceDto>('/prices/XAGUSD')).body;
    expect(silver).toMatchObject({ source: 'simulated', asOf: tick.toISOString() });
  });
});
