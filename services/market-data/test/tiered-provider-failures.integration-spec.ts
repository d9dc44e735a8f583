import { Logger } from '@nestjs/common';
import type { Instrument } from '../src/catalogue/instrument.entity';
import type { PriceProviderName } from '../src/market-data.config';
import { StooqProvider } from '../src/providers/stooq.provider';
import { TieredPriceProvider } from '../src/providers/tiered-price.provider';
import { TwelveDataProvider } from '../src/providers/twelve-data.provider';
import { ReplayServer, fixture, stooqQuotesFor, type Replay } from './replay-server';
import { ask, testInstrument } from './test-instruments';
import { stooqThenTwelveData, testFetcher } from './test-fetcher';

/**
 * TieredPriceProvider against a replay server: a provider that failed in a tick is not asked again in that
 * tick (one that answered part of it is), and history is not lost to an order made for quotes.
 */

const ASOF = new Date('2026-11-18T23:00:00Z');

/** Twelve Data knows gold only: every other symbol gets its per-symbol error, which is not a failure. */
function twelveDataGoldOnly(url: URL): Replay {
  const symbols = (url.searchParams.get('symbol') ?? '').split(',');
  const answer = (symbol: string) =>
    symbol === 'XAU/USD'
      ? { price: '4240.10' }
      : { code: 400, message: `**symbol** ${symbol} not found`, status: 'error' };
  return {
    body: JSON.stringify(
      symbols.length === 1
        ? answer(symbols[0])
        : Object.fromEntries(symbols.map((symbol) => [symbol, answer(symbol)])),
    ),
  };
}

const metal = (symbol: string, providerOrder: Instrument['providerOrder']) =>
  testInstrument(
    symbol,
    { stooq: symbol.toLowerCase(), twelvedata: `${symbol.slice(0, 3)}/${symbol.slice(3)}` },
    { providerOrder, priceDecimals: symbol === 'XAGUSD' ? 3 : 2 },
  );

const sources = (quotes: { symbol: string; price: string; source: string }[]) =>
  Object.fromEntries(quotes.map((quote) => [quote.symbol, `${quote.price} (${quote.source})`]));

describe('TieredPriceProvider: a provider that failed is not asked again in the same tick', () => {
  let server: ReplayServer;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  beforeEach(async () => {
    server = await new ReplayServer().start();
    server.on('/price', twelveDataGoldOnly);
  });

  afterEach(() => server.stop());

  // The breaker never opens here: what keeps the provider from a second call is the tick's memory.
  const fetcher = (provider: string, attempts = 2) =>
    testFetcher(provider, { attempts, failureThreshold: 100 });
  const tiers = () => stooqThenTwelveData(server.url, { attempts: 2, failureThreshold: 100 });

  it('asks a failing Stooq once a tick, not again in the round where it is the second choice', async () => {
    server.on('/q/l/', { status: 503, body: fixture('stooq-maintenance.html') });
    const sut = tiers();
    // Gold prefers Stooq, silver Twelve Data: round one asks Stooq for gold (it fails, twice with the
    // retry) and Twelve Data for silver (none); round two would ask Stooq for silver.
    const instruments = ask(
      metal('XAUUSD', ['stooq', 'twelvedata']),
      metal('XAGUSD', ['twelvedata', 'stooq']),
    );

    expect(sources(await sut.latestQuotes(instruments, ASOF))).toEqual({ XAUUSD: '4240.10 (twelvedata)' });
    expect(server.requestsTo('/q/l/').map((url) => url.searchParams.get('s'))).toEqual(['xauusd', 'xauusd']);
    expect(server.requestsTo('/price').map((url) => url.searchParams.get('symbol'))).toEqual([
      'XAG/USD',
      'XAU/USD',
    ]);

    // The next tick asks it again: the memory is the tick's, not a second breaker.
    await sut.latestQuotes(instruments, ASOF);
    expect(server.requestsTo('/q/l/')).toHaveLength(4);
  });

  it('passes over a failed provider without losing a round: the symbol goes on to its next choice', async () => {
    server.on('/q/l/', { status: 503 });
    server.on('/price', { status: 500 });
    // A third tier, on a server of its own. A name provider-coverage has no rule for can quote anything.
    const other = await new ReplayServer().start();
    other.on('/q/l/', stooqQuotesFor);
    const third = new StooqProvider(other.url, fetcher('third'));
    Object.defineProperty(third, 'name', { value: 'third' });
    const sut = new TieredPriceProvider([
      new StooqProvider(server.url, fetcher('stooq')),
      new TwelveDataProvider(server.url, 'demo-key', 8, fetcher('twelvedata')),
      third,
    ]);
    const gold = metal('XAUUSD', null);
    const silver = metal('XAGUSD', ['twelvedata', 'stooq', 'third' as PriceProviderName]);

    try {
      // Round one: Stooq fails for gold, Twelve Data for silver. Round two: gold's next choice, Twelve
      // Data, failed, and so did silver's, Stooq: both go on to the third, in one call.
      expect(sources(await sut.latestQuotes(ask(gold, silver), ASOF))).toEqual({
        XAUUSD: '4231.55 (stooq)',
        XAGUSD: '52.484 (stooq)',
      });
      // One call each (two attempts with the retry) to the providers that failed.
      expect(server.requestsTo('/q/l/')).toHaveLength(2);
      expect(server.requestsTo('/price')).toHaveLength(2);
      expect(other.requestsTo('/q/l/').map((url) => url.searchParams.get('s'))).toEqual(['xauusd xagusd']);
    } finally {
      await other.stop();
    }
  });

  it('asks a provider that answered part of a tick again in a later round', async () => {
    // Twenty symbols Stooq fails for (one batch), and gold in a second batch it answers.
    const unknown = Array.from({ length: 20 }, (_, index) =>
      metal(`Q${String(index).padStart(2, '0')}USD`, ['stooq', 'twelvedata']),
    );
    server.on('/q/l/', (url) =>
      url.searchParams.get('s')!.startsWith('q') ? { status: 503 } : stooqQuotesFor(url),
    );
    const sut = tiers();

    const quotes = await sut.latestQuotes(
      ask(...unknown, metal('XAUUSD', ['stooq', 'twelvedata']), metal('XAGUSD', ['twelvedata', 'stooq'])),
      ASOF,
    );

    // Silver, which Twelve Data does not know, came from Stooq in round two.
    expect(sources(quotes)).toEqual({ XAUUSD: '4231.55 (stooq)', XAGUSD: '52.484 (stooq)' });
    expect(server.requestsTo('/q/l/').map((url) => url.searchParams.get('s')!.split(' ').length)).toEqual([
      20, 20, 1, 1,
    ]);
  });

  it('has a provider throw only when every one of its requests failed, and answer what it could', async () => {
    const unknown = Array.from({ length: 20 }, (_, index) =>
      metal(`Q${String(index).padStart(2, '0')}USD`, null),
    );
    const gold = metal('XAUUSD', null);
    server.on('/q/l/', (url) =>
      url.searchParams.get('s')!.startsWith('q') ? { status: 503 } : stooqQuotesFor(url),
    );
    const stooq = new StooqProvider(server.url, fetcher('stooq', 1));

    expect(sources(await stooq.latestQuotes(ask(...unknown, gold), ASOF))).toEqual({
      XAUUSD: '4231.55 (stooq)',
    });
    server.on('/q/l/', { status: 503 });
    await expect(stooq.latestQuotes(ask(...unknown, gold), ASOF)).rejects.toMatchObject({
      failure: 'http',
      message: expect.stringMatching(/all 2 requests failed/),
    });
    // Asked for nothing it lists: no request, no failure.
    expect(await stooq.latestQuotes(ask(testInstrument('XRHUSD', {})), ASOF)).toEqual([]);
  });

  it('takes a symbol Twelve Data does not know, asked alone, for no price rather than a failure', async () => {
    const twelveData = new TwelveDataProvider(server.url, 'demo-key', 8, fetcher('twelvedata'));

    // Its error body for one symbol has the shape of a whole request's error.
    expect(await twelveData.latestQuotes(ask(metal('XAGUSD', null)), ASOF)).toEqual([]);
    server.on('/price', { body: fixture('twelvedata-invalid-key.json') });
    await expect(twelveData.latestQuotes(ask(metal('XAGUSD', null)), ASOF)).rejects.toMatchObject({
      failure: 'http',
    });
  });
});

describe('TieredPriceProvider: history beyond an instrument’s quote order', () => {
  let server: ReplayServer;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  beforeEach(async () => {
    server = await new ReplayServer().start();
    server.on('/q/d/l/', (url) =>
      url.searchParams.get('s') === 'xauusd'
        ? { body: fixture('stooq-history-xauusd.csv') }
        : { body: fixture('stooq-history-no-data.txt') },
    );
  });

  afterEach(() => server.stop());

  const tiers = () => stooqThenTwelveData(server.url);

  it('takes Stooq’s history for an instrument ordered Twelve Data only', async () => {
    const bars = await tiers().dailyHistory(metal('XAUUSD', ['twelvedata']), '2026-11-01', '2026-11-30');

    expect(bars.map((bar) => `${bar.date} ${bar.close} ${bar.source}`)).toEqual([
      '2026-11-16 4205.31 stooq',
      '2026-11-17 4219.80 stooq',
      '2026-11-18 4231.55 stooq',
    ]);
  });

  it('asks a history provider the order already names once', async () => {
    const sut = tiers();
    expect(await sut.dailyHistory(metal('XAGUSD', ['stooq']), '2026-11-01', '2026-11-30')).toEqual([]);
    expect(server.requestsTo('/q/d/l/')).toHaveLength(1);
  });
});
