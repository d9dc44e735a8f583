import { Logger } from '@nestjs/common';
import { loadConfig } from '@marketpulse/config';
import type { Instrument } from '../src/catalogue/instrument.entity';
import { MarketDataConfig } from '../src/market-data.config';
import { FrankfurterProvider } from '../src/providers/frankfurter.provider';
import { HttpFetcher } from '../src/providers/http/http-fetcher';
import { ProviderError, type ProviderFailure } from '../src/providers/http/provider-error';
import { CircuitBreaker } from '../src/providers/resilience/circuit-breaker';
import { RetryPolicy } from '../src/providers/resilience/retry-policy';
import { TokenBucket } from '../src/providers/resilience/token-bucket';
import { SimulatedPriceProvider } from '../src/providers/simulated-price.provider';
import { StooqProvider } from '../src/providers/stooq.provider';
import { TieredPriceProvider } from '../src/providers/tiered-price.provider';
import { TwelveDataProvider } from '../src/providers/twelve-data.provider';
import { ReplayServer, fixture, stooqQuotesFor } from './replay-server';
import { ask, testInstrument } from './test-instruments';

/**
 * The HTTP providers against a local server replaying recorded responses (test/fixtures): no test reaches
 * the internet. Time is a hand-moved clock and the retry waits are recorded, not slept; only the timeout
 * case waits, for a deliberately short timeout.
 */

/** Short, for the timeout cases; the others get a generous one so a loaded machine cannot fail them. */
const TIMEOUT_MS = 150;
const ASOF = new Date('2026-11-18T23:00:00Z');

const fx = (symbol: string, decimals = 5): Instrument =>
  testInstrument(
    symbol,
    { stooq: symbol.toLowerCase(), twelvedata: `${symbol.slice(0, 3)}/${symbol.slice(3)}` },
    { category: 'fx', unit: symbol.slice(0, 3), currency: symbol.slice(3), priceDecimals: decimals },
  );
const stock = (symbol: string) =>
  testInstrument(
    symbol,
    { stooq: `${symbol.toLowerCase()}.us`, twelvedata: symbol },
    { category: 'stock', unit: 'share' },
  );

const GOLD = testInstrument('XAUUSD', { stooq: 'xauusd', twelvedata: 'XAU/USD' });
const SILVER = testInstrument('XAGUSD', { stooq: 'xagusd', twelvedata: 'XAG/USD' }, { priceDecimals: 3 });
const PALLADIUM = testInstrument('XPDUSD', { stooq: 'xpdusd', twelvedata: 'XPD/USD' });
const WTI = testInstrument(
  'WTI',
  { stooq: 'cl.f', twelvedata: 'WTI/USD' },
  { category: 'energy', unit: 'barrel' },
);
const RHODIUM = testInstrument('XRHUSD', {});
const [EURUSD, GBPUSD, USDCHF, USDCAD] = ['EURUSD', 'GBPUSD', 'USDCHF', 'USDCAD'].map((symbol) => fx(symbol));
const USDJPY = fx('USDJPY', 3);
const BTCUSD = testInstrument(
  'BTCUSD',
  { stooq: 'btcusd', twelvedata: 'BTC/USD' },
  { category: 'crypto', unit: 'BTC' },
);
const [AAPL, NVDA] = [stock('AAPL'), stock('NVDA')];

const prices = (quotes: { symbol: string; price: string; source: string }[]) =>
  Object.fromEntries(quotes.map((quote) => [quote.symbol, `${quote.price} (${quote.source})`]));

interface Harness {
  fetcher: HttpFetcher;
  outcomes: ('ok' | ProviderFailure)[];
  malformedValues: number[];
  waits: number[];
  advance(ms: number): void;
}

function harness(
  provider: string,
  options: {
    attempts?: number;
    perMinute?: number;
    failureThreshold?: number;
    openMs?: number;
    timeoutMs?: number;
    backgroundMaxWaitMs?: number;
  } = {},
): Harness {
  let now = 0;
  const clock = () => now;
  const outcomes: ('ok' | ProviderFailure)[] = [];
  const waits: number[] = [];
  const malformedValues: number[] = [];
  const fetcher = new HttpFetcher({
    provider,
    timeoutMs: options.timeoutMs ?? 10_000,
    bucket: TokenBucket.perMinute(options.perMinute ?? 60, clock),
    breaker: new CircuitBreaker(
      { failureThreshold: options.failureThreshold ?? 5, openMs: options.openMs ?? 60_000 },
      clock,
    ),
    retry: new RetryPolicy({
      attempts: options.attempts ?? 3,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    }),
    onOutcome: (_, outcome) => outcomes.push(outcome),
    onMalformedValue: () => malformedValues.push(now),
    backgroundMaxWaitMs: options.backgroundMaxWaitMs,
    // Waiting for the bucket moves the test's clock, and is recorded like the retries' waits.
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { fetcher, outcomes, malformedValues, waits, advance: (ms) => (now += ms) };
}

describe('HTTP price providers against recorded responses', () => {
  let server: ReplayServer;

  // The providers log each failure; the assertions here say what happened.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    server = await new ReplayServer().start();
  });

  afterEach(async () => {
    await server.stop();
  });

  describe(StooqProvider.name, () => {
    it('quotes the mapped symbols in one CSV request, at each instrument precision, skipping N/D rows', async () => {
      server.on('/q/l/', stooqQuotesFor);
      const { fetcher, outcomes } = harness('stooq');
      const sut = new StooqProvider(server.url, fetcher);

      const quotes = await sut.latestQuotes(ask(GOLD, SILVER, WTI, GBPUSD, AAPL, RHODIUM), ASOF);

      expect(prices(quotes)).toEqual({
        XAUUSD: '4231.55 (stooq)',
        XAGUSD: '52.484 (stooq)',
        WTI: '86.52 (stooq)',
        AAPL: '270.35 (stooq)',
      });
      expect(quotes.every((quote) => !quote.synthetic && quote.currency === 'USD')).toBe(true);
      // As of Stooq's own date and time (Warsaw, UTC+1 in November), not the tick's.
      expect(Object.fromEntries(quotes.map((quote) => [quote.symbol, quote.asOf.toISOString()]))).toEqual({
        XAUUSD: '2026-11-18T21:59:57.000Z',
        XAGUSD: '2026-11-18T21:59:55.000Z',
        WTI: '2026-11-18T21:59:58.000Z',
        AAPL: '2026-11-18T21:00:09.000Z',
      });
      const [request] = server.requestsTo('/q/l/');
      expect(server.requests).toHaveLength(1);
      // Rhodium has no Stooq listing and is not asked for; GBPUSD is asked and comes back N/D.
      expect(request.searchParams.get('s')).toBe('xauusd xagusd cl.f gbpusd aapl.us');
      expect(request.search).toContain('s=xauusd+xagusd+cl.f+gbpusd+aapl.us');
      expect(request.searchParams.get('f')).toBe('sd2t2ohlcv');
      expect(outcomes).toEqual(['ok']);
    });

    it('retries a 5xx with backoff and answers from the attempt that succeeds', async () => {
      server.on('/q/l/', { status: 503, body: 'busy' }, { status: 502 }, stooqQuotesFor);
      const { fetcher, outcomes, waits } = harness('stooq', { attempts: 3 });

      const quotes = await new StooqProvider(server.url, fetcher).latestQuotes(ask(GOLD), ASOF);

      expect(prices(quotes)).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(server.requests).toHaveLength(3);
      expect(waits).toEqual([50, 100]); // random 0: half of 100 · 2^(n−1)
      expect(outcomes).toEqual(['ok']);
    });

    it('times out a server that does not answer, retries, then gives up: it failed, rather than had nothing', async () => {
      server.on('/q/l/', { hang: true });
      const { fetcher, outcomes, waits } = harness('stooq', { attempts: 2, timeoutMs: TIMEOUT_MS });
      const started = Date.now();

      await expect(
        new StooqProvider(server.url, fetcher).latestQuotes(ask(GOLD), ASOF),
      ).rejects.toMatchObject({ failure: 'timeout' });
      // Two attempts, one wait between them. (The second request can be aborted before the server logs it
      // on a loaded machine, so the attempts are counted on the client side.)
      expect(waits).toHaveLength(1);
      expect(server.requests.length).toBeGreaterThanOrEqual(1);
      expect(outcomes).toEqual(['timeout']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 20);
    });

    it('backs off on a 429 for Retry-After: no retry, and no request at all until it is over', async () => {
      server.on('/q/l/', { status: 429, headers: { 'retry-after': '30' }, body: '' }, stooqQuotesFor);
      const h = harness('stooq', { perMinute: 600 });
      const sut = new StooqProvider(server.url, h.fetcher);

      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toMatchObject({ failure: 'rate-limited' });
      h.advance(29_000);
      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toMatchObject({ failure: 'rate-limited' });
      expect(server.requests).toHaveLength(1);
      h.advance(1_100); // 0.1 s past the back-off: one token, at 10 a second
      expect(prices(await sut.latestQuotes(ask(GOLD), ASOF))).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(h.outcomes).toEqual(['rate-limited', 'rate-limited', 'ok']);
    });

    it("takes Stooq's plain-text daily-limit notice for a rate limit, not for data", async () => {
      server.on('/q/l/', { body: fixture('stooq-daily-limit.txt') });
      const h = harness('stooq');

      await expect(
        new StooqProvider(server.url, h.fetcher).latestQuotes(ask(GOLD), ASOF),
      ).rejects.toMatchObject({ failure: 'rate-limited' });
      expect(h.outcomes).toEqual(['rate-limited']);
      expect(server.requests).toHaveLength(1);
    });

    it('rejects an HTML page as malformed without retrying it', async () => {
      server.on('/q/l/', {
        body: fixture('stooq-maintenance.html'),
        headers: { 'content-type': 'text/html' },
      });
      const h = harness('stooq');

      await expect(
        new StooqProvider(server.url, h.fetcher).latestQuotes(ask(GOLD), ASOF),
      ).rejects.toMatchObject({ failure: 'malformed' });
      expect(h.outcomes).toEqual(['malformed']);
      expect(server.requests).toHaveLength(1);
    });

    it('drops a non-numeric row and passes zero and negative prices on for the sanity band to reject', async () => {
      server.on('/q/l/', (url) => stooqQuotesFor(url, fixture('stooq-bad-rows.csv')));
      const h = harness('stooq');

      const quotes = await new StooqProvider(server.url, h.fetcher).latestQuotes(
        ask(GOLD, SILVER, AAPL, NVDA),
        ASOF,
      );

      expect(prices(quotes)).toEqual({
        XAGUSD: '0.000 (stooq)',
        AAPL: '-1.00 (stooq)',
        NVDA: '186.12 (stooq)',
      });
      // The request itself went well; the one non-numeric close is counted on its own.
      expect(h.outcomes).toEqual(['ok']);
      expect(h.malformedValues).toHaveLength(1);
    });

    it('opens the circuit after repeated failures, fails fast while open, and closes after a good trial', async () => {
      server.on('/q/l/', { status: 500 }, { status: 500 }, stooqQuotesFor);
      const h = harness('stooq', { attempts: 1, failureThreshold: 2, openMs: 60_000 });
      const sut = new StooqProvider(server.url, h.fetcher);

      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toMatchObject({ failure: 'http' });
      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toMatchObject({ failure: 'http' });
      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toMatchObject({ failure: 'circuit-open' });
      expect(server.requests).toHaveLength(2);
      h.advance(60_000);
      expect(prices(await sut.latestQuotes(ask(GOLD), ASOF))).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(prices(await sut.latestQuotes(ask(GOLD), ASOF))).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(h.outcomes).toEqual(['http', 'http', 'circuit-open', 'ok', 'ok']);
    });

    it('does not open the circuit for live quotes when history requests fail', async () => {
      server.on('/q/d/l/', { status: 500 });
      server.on('/q/l/', stooqQuotesFor);
      const h = harness('stooq', { attempts: 1, failureThreshold: 2, openMs: 60_000 });
      const sut = new StooqProvider(server.url, h.fetcher);

      for (let attempt = 0; attempt < 3; attempt += 1) {
        await expect(sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30')).rejects.toThrow(ProviderError);
      }
      // Three history failures, over the threshold of two: every one still went out, and so do the quotes.
      expect(server.requestsTo('/q/d/l/')).toHaveLength(3);
      expect(prices(await sut.latestQuotes(ask(GOLD), ASOF))).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(h.outcomes).toEqual(['http', 'http', 'http', 'ok']);
    });

    it('lets history neither close the live circuit nor take its half-open trial', async () => {
      server.on('/q/l/', { status: 500 });
      server.on('/q/d/l/', { body: fixture('stooq-history-xauusd.csv') });
      const h = harness('stooq', { attempts: 1, failureThreshold: 2, openMs: 60_000 });
      const sut = new StooqProvider(server.url, h.fetcher);

      // Live failures interleaved with history successes: the successes do not reset the count.
      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toThrow(ProviderError);
      await sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      await expect(sut.latestQuotes(ask(GOLD), ASOF)).rejects.toThrow(ProviderError);
      // Open: history waits for the circuit like everyone, and does not go out.
      await expect(sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30')).rejects.toMatchObject({
        failure: 'circuit-open',
      });
      expect(server.requestsTo('/q/d/l/')).toHaveLength(1);
      expect(h.outcomes).toEqual(['http', 'ok', 'http', 'circuit-open']);
    });

    it('reads daily bars, oldest first, and an empty history from "No data"', async () => {
      server.on('/q/d/l/', (url) =>
        url.searchParams.get('s') === 'xauusd'
          ? { body: fixture('stooq-history-xauusd.csv') }
          : { body: fixture('stooq-history-no-data.txt') },
      );
      const sut = new StooqProvider(server.url, harness('stooq').fetcher);

      const bars = await sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      expect(bars).toEqual([
        {
          symbol: 'XAUUSD',
          date: '2026-11-17',
          open: '4205.31',
          high: '4226.87',
          low: '4190.44',
          close: '4219.80',
          source: 'stooq',
          synthetic: false,
        },
        expect.objectContaining({ date: '2026-11-18', close: '4231.55' }),
      ]);
      const [request] = server.requestsTo('/q/d/l/');
      expect([request.searchParams.get('d1'), request.searchParams.get('d2')]).toEqual([
        '20261117',
        '20261130',
      ]);
      expect(await sut.dailyHistory(SILVER, '2026-11-17', '2026-11-30')).toEqual([]);
    });

    it('asks for history only above the share of the budget kept for live quotes', async () => {
      server.on('/q/d/l/', { body: fixture('stooq-history-xauusd.csv') });
      server.on('/q/l/', stooqQuotesFor);
      const h = harness('stooq', { perMinute: 4 }); // a reserve of one token
      const sut = new StooqProvider(server.url, h.fetcher);

      for (let day = 0; day < 3; day += 1) await sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      await expect(sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30')).rejects.toThrow(
        /kept for live quotes/,
      );
      expect(prices(await sut.latestQuotes(ask(GOLD), ASOF))).toEqual({ XAUUSD: '4231.55 (stooq)' });
      expect(h.outcomes).toEqual(['ok', 'ok', 'ok', 'rate-limited', 'ok']);
      expect(server.requestsTo('/q/d/l/')).toHaveLength(3);
    });

    it('lets a history request wait for a token above the reserve, within its bounds', async () => {
      server.on('/q/d/l/', { body: fixture('stooq-history-xauusd.csv') });
      // Four a minute, one kept for live quotes: a token every 15 s.
      const h = harness('stooq', { perMinute: 4, backgroundMaxWaitMs: 20_000 });
      const sut = new StooqProvider(server.url, h.fetcher);

      for (let day = 0; day < 4; day += 1) await sut.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      expect(h.waits).toEqual([15_000]);
      // The next one would have to wait 15 s more than it may in all: refused, and nothing waited for it.
      const limited = harness('stooq', { perMinute: 4, backgroundMaxWaitMs: 10_000 });
      const early = new StooqProvider(server.url, limited.fetcher);
      for (let day = 0; day < 3; day += 1) await early.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      await expect(early.dailyHistory(GOLD, '2026-11-17', '2026-11-30')).rejects.toThrow(/kept for live/);
      // A deadline closer than the wait refuses it too.
      const urgent = new StooqProvider(
        server.url,
        harness('stooq', { perMinute: 4, backgroundMaxWaitMs: 60_000 }).fetcher,
      );
      for (let day = 0; day < 3; day += 1) await urgent.dailyHistory(GOLD, '2026-11-17', '2026-11-30');
      await expect(
        urgent.dailyHistory(GOLD, '2026-11-17', '2026-11-30', new Date(Date.now() + 5_000)),
      ).rejects.toThrow(/kept for live/);
      expect(limited.waits).toEqual([]);
      expect(server.requestsTo('/q/d/l/')).toHaveLength(10);
    });

    it('refuses an incoherent daily bar rather than storing it', async () => {
      server.on('/q/d/l/', {
        body: 'Date,Open,High,Low,Close\n2026-11-18,4219.80,4100.00,4195.62,4231.55\n',
      });
      const sut = new StooqProvider(server.url, harness('stooq').fetcher);

      await expect(sut.dailyHistory(GOLD, '2026-11-01', '2026-11-30')).rejects.toThrow(ProviderError);
    });
  });

  describe(FrankfurterProvider.name, () => {
    const latest = (url: URL) => {
      const base = url.searchParams.get('from');
      return base === 'EUR' || base === 'USD' || base === 'GBP'
        ? { body: fixture(`frankfurter-latest-${base.toLowerCase()}.json`) }
        : { status: 404, body: fixture('frankfurter-not-found.json') };
    };

    it('asks once per base currency and quotes each pair; no crypto at the ECB', async () => {
      server.on('/latest', latest);
      const h = harness('frankfurter');

      const quotes = await new FrankfurterProvider(server.url, h.fetcher).latestQuotes(
        ask(EURUSD, GBPUSD, USDJPY, USDCHF, USDCAD, BTCUSD, GOLD),
        ASOF,
      );

      expect(prices(quotes)).toEqual({
        EURUSD: '1.16310 (frankfurter)',
        GBPUSD: '1.33520 (frankfurter)',
        USDJPY: '160.810 (frankfurter)',
        USDCHF: '0.79980 (frankfurter)',
        USDCAD: '1.40210 (frankfurter)',
      });
      expect(
        server.requests.map((url) => `${url.searchParams.get('from')}→${url.searchParams.get('to')}`),
      ).toEqual(['EUR→USD', 'GBP→USD', 'USD→JPY,CHF,CAD']);
    });

    it('answers the other bases when one is not found (404, not retried)', async () => {
      server.on('/latest', latest);
      const h = harness('frankfurter');
      const nzd = fx('NZDUSD');

      const quotes = await new FrankfurterProvider(server.url, h.fetcher).latestQuotes(
        ask(nzd, EURUSD),
        ASOF,
      );

      expect(prices(quotes)).toEqual({ EURUSD: '1.16310 (frankfurter)' });
      expect(h.outcomes).toEqual(['http', 'ok']);
      expect(server.requests).toHaveLength(2);
    });

    it('rejects a truncated JSON body as malformed', async () => {
      server.on('/latest', { body: fixture('frankfurter-truncated.txt') });
      const h = harness('frankfurter');

      await expect(
        new FrankfurterProvider(server.url, h.fetcher).latestQuotes(ask(EURUSD), ASOF),
      ).rejects.toMatchObject({ failure: 'malformed' });
      expect(h.outcomes).toEqual(['malformed']);
    });
  });

  describe(TwelveDataProvider.name, () => {
    it('quotes a batch with the key, leaving out a symbol answered with an error, one credit per symbol', async () => {
      server.on('/price', { body: fixture('twelvedata-price-batch.json') });
      const h = harness('twelvedata', { perMinute: 8 });
      const sut = new TwelveDataProvider(server.url, 'demo-key', 8, h.fetcher);

      const quotes = await sut.latestQuotes(ask(AAPL, EURUSD, GOLD, PALLADIUM, RHODIUM), ASOF);

      expect(prices(quotes)).toEqual({
        AAPL: '270.35 (twelvedata)',
        EURUSD: '1.16302 (twelvedata)',
        XAUUSD: '4231.55 (twelvedata)',
      });
      const [request] = server.requests;
      expect(request.searchParams.get('symbol')).toBe('AAPL,EUR/USD,XAU/USD,XPD/USD');
      expect(request.searchParams.get('apikey')).toBe('demo-key');
      // 4 of the 8 credits are spent: a second batch of 5 must wait for the bucket.
      await expect(sut.latestQuotes(ask(AAPL, EURUSD, GOLD, PALLADIUM, NVDA), ASOF)).rejects.toMatchObject({
        failure: 'rate-limited',
      });
      expect(server.requests).toHaveLength(1);
      expect(h.outcomes).toEqual(['ok', 'rate-limited']);
    });

    it('reads the one-symbol answer, which has no symbol key', async () => {
      server.on('/price', { body: fixture('twelvedata-price-single.json') });
      const sut = new TwelveDataProvider(server.url, 'demo-key', 8, harness('twelvedata').fetcher);

      expect(prices(await sut.latestQuotes(ask(NVDA), ASOF))).toEqual({ NVDA: '186.12 (twelvedata)' });
    });

    it('takes the code-429 error body (sent with HTTP 200) as a rate limit and stops asking for a minute', async () => {
      server.on(
        '/price',
        { body: fixture('twelvedata-rate-limit.json') },
        { body: fixture('twelvedata-price-single.json') },
      );
      const h = harness('twelvedata', { perMinute: 600 });
      const sut = new TwelveDataProvider(server.url, 'demo-key', 8, h.fetcher);

      await expect(sut.latestQuotes(ask(NVDA), ASOF)).rejects.toMatchObject({ failure: 'rate-limited' });
      h.advance(59_000);
      await expect(sut.latestQuotes(ask(NVDA), ASOF)).rejects.toMatchObject({ failure: 'rate-limited' });
      expect(server.requests).toHaveLength(1);
      h.advance(2_000);
      expect(prices(await sut.latestQuotes(ask(NVDA), ASOF))).toEqual({ NVDA: '186.12 (twelvedata)' });
    });

    it('does not retry a wrong key', async () => {
      server.on('/price', { body: fixture('twelvedata-invalid-key.json') });
      const h = harness('twelvedata');

      await expect(
        new TwelveDataProvider(server.url, 'wrong', 8, h.fetcher).latestQuotes(ask(NVDA), ASOF),
      ).rejects.toMatchObject({ failure: 'http' });
      expect(h.outcomes).toEqual(['http']);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe(TieredPriceProvider.name, () => {
    it('lets the next tier answer what the first could not, each quote naming its source', async () => {
      server.on('/q/l/', { status: 500 });
      server.on('/latest', (url) => ({
        body: fixture(`frankfurter-latest-${url.searchParams.get('from')!.toLowerCase()}.json`),
      }));
      const simulated = new SimulatedPriceProvider(loadConfig(MarketDataConfig, {}));
      const sut = new TieredPriceProvider([
        new StooqProvider(server.url, harness('stooq', { attempts: 2 }).fetcher),
        new FrankfurterProvider(server.url, harness('frankfurter').fetcher),
        simulated,
      ]);

      const quotes = await sut.latestQuotes(ask(GOLD, EURUSD, USDJPY, BTCUSD), ASOF);

      expect(sut.name).toBe('stooq>frankfurter>simulated');
      expect(Object.fromEntries(quotes.map((quote) => [quote.symbol, quote.source]))).toEqual({
        EURUSD: 'frankfurter',
        USDJPY: 'frankfurter',
        XAUUSD: 'simulated',
        BTCUSD: 'simulated',
      });
      expect(quotes.find((quote) => quote.symbol === 'XAUUSD')!.synthetic).toBe(true);
      expect(server.requestsTo('/q/l/')).toHaveLength(2);
    });

    it('takes daily history from the first tier that has some; a failing tier is passed over', async () => {
      server.on('/q/d/l/', { status: 500 }, { body: fixture('stooq-history-xauusd.csv') });
      const simulated = new SimulatedPriceProvider(loadConfig(MarketDataConfig, {}));
      const failing = new StooqProvider(server.url, harness('stooq', { attempts: 1 }).fetcher);
      const working = new StooqProvider(server.url, harness('stooq').fetcher);

      const sut = new TieredPriceProvider([simulated, failing, working]);
      const bars = await sut.dailyHistory(GOLD, '2026-11-01', '2026-11-30');

      // The simulation has no history of its own to offer; the first Stooq fails; the second answers.
      expect(bars.map((bar) => `${bar.date} ${bar.close} ${bar.source}`)).toEqual([
        '2026-11-16 4205.31 stooq',
        '2026-11-17 4219.80 stooq',
        '2026-11-18 4231.55 stooq',
      ]);
      expect(
        await new TieredPriceProvider([simulated]).dailyHistory(GOLD, '2026-11-01', '2026-11-30'),
      ).toEqual([]);
    });

    it('asks the next tier only for what is left', async () => {
      server.on('/q/l/', stooqQuotesFor);
      server.on('/latest', (url) => ({
        body: fixture(`frankfurter-latest-${url.searchParams.get('from')!.toLowerCase()}.json`),
      }));
      const sut = new TieredPriceProvider([
        new StooqProvider(server.url, harness('stooq').fetcher),
        new FrankfurterProvider(server.url, harness('frankfurter').fetcher),
      ]);

      const quotes = await sut.latestQuotes(ask(EURUSD, GBPUSD, RHODIUM), ASOF);

      // Stooq has EURUSD; GBPUSD is N/D there and comes from Frankfurter; nobody lists rhodium.
      expect(prices(quotes)).toEqual({ EURUSD: '1.16302 (stooq)', GBPUSD: '1.33520 (frankfurter)' });
      expect(server.requestsTo('/latest').map((url) => url.searchParams.get('from'))).toEqual(['GBP']);
    });
  });
});
