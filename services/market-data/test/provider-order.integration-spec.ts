import { Logger } from '@nestjs/common';
import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import type { Instrument } from '../src/catalogue/instrument.entity';
import { MarketDataConfig } from '../src/market-data.config';
import type { PriceDto } from '../src/prices/dto/price.dto';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, stooqQuotesDated, stooqQuotesFor, type Replay } from './replay-server';
import { ask, testInstrument } from './test-instruments';
import { stooqThenTwelveData } from './test-fetcher';

const DAY_MS = 24 * 60 * 60 * 1000;
const admin = {
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'ops', { roles: ['admin'] })}`,
};

/** Twelve Data prices that differ from Stooq's fixture (4231.55, 52.484), so a price also tells its source. */
const TWELVE_DATA_PRICES: Record<string, string> = { 'XAU/USD': '4240.10', 'XAG/USD': '52.600' };

/** Twelve Data's /price for the symbols asked: a price for those above, its per-symbol error for the rest. */
function twelveData(url: URL): Replay {
  const symbols = (url.searchParams.get('symbol') ?? '').split(',');
  const answer = (symbol: string) =>
    TWELVE_DATA_PRICES[symbol] !== undefined
      ? { price: TWELVE_DATA_PRICES[symbol] }
      : { code: 400, message: `**symbol** ${symbol} not found`, status: 'error' };
  const body =
    symbols.length === 1
      ? answer(symbols[0])
      : Object.fromEntries(symbols.map((symbol) => [symbol, answer(symbol)]));
  return { body: JSON.stringify(body) };
}

/** Last Wednesday 15:00 UTC: metals trade, and the quotes dated that day are not too old for it. */
function lastWednesdayAfternoon(now = new Date()): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 15));
  return new Date(at.getTime() - ((at.getUTCDay() - 3 + 7) % 7 || 7) * DAY_MS);
}

const stooqAsked = (server: ReplayServer) =>
  server.requestsTo('/q/l/').flatMap((url) => url.searchParams.get('s')!.split(' '));
const twelveDataAsked = (server: ReplayServer) =>
  server.requestsTo('/price').flatMap((url) => url.searchParams.get('symbol')!.split(','));

describe('a provider order per instrument (TieredPriceProvider)', () => {
  let server: ReplayServer;
  const tick = lastWednesdayAfternoon();

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  beforeEach(async () => {
    server = await new ReplayServer().start();
    server.on('/q/l/', (url) => stooqQuotesFor(url, stooqQuotesDated(tick.toISOString().slice(0, 10))));
    server.on('/price', twelveData);
  });

  afterEach(() => server.stop());

  const tiers = () => stooqThenTwelveData(server.url);
  const metal = (symbol: string, providerOrder: Instrument['providerOrder']) =>
    testInstrument(
      symbol,
      { stooq: symbol.toLowerCase(), twelvedata: `${symbol.slice(0, 3)}/${symbol.slice(3)}` },
      { providerOrder, priceDecimals: symbol === 'XAGUSD' ? 3 : 2 },
    );
  const answers = async (instruments: Instrument[]) =>
    Object.fromEntries(
      (await tiers().latestQuotes(ask(...instruments), tick)).map((quote) => [
        quote.symbol,
        `${quote.price} (${quote.source})`,
      ]),
    );

  it('answers each symbol from the first provider of its own order, asking each provider once a round', async () => {
    expect(
      await answers([metal('XAUUSD', ['twelvedata', 'stooq']), metal('XAGUSD', ['stooq', 'twelvedata'])]),
    ).toEqual({ XAUUSD: '4240.10 (twelvedata)', XAGUSD: '52.484 (stooq)' });
    expect(stooqAsked(server)).toEqual(['xagusd']);
    expect(twelveDataAsked(server)).toEqual(['XAU/USD']);

    // Four symbols, two first choices each: one request per provider, not one per symbol.
    server.requests.length = 0;
    expect(
      Object.keys(
        await answers([
          metal('XAUUSD', ['twelvedata', 'stooq']),
          metal('XPTUSD', ['twelvedata', 'stooq']),
          metal('XAGUSD', ['stooq', 'twelvedata']),
          metal('XPDUSD', ['stooq', 'twelvedata']),
        ]),
      ),
    ).toEqual(expect.arrayContaining(['XAUUSD', 'XAGUSD']));
    // Neither had a price for platinum and palladium: each got one more request, in the second round.
    expect(server.requestsTo('/q/l/').map((url) => url.searchParams.get('s'))).toEqual([
      'xagusd xpdusd',
      'xptusd',
    ]);
    expect(server.requestsTo('/price').map((url) => url.searchParams.get('symbol'))).toEqual([
      'XAU/USD,XPT/USD',
      'XPD/USD',
    ]);
    expect(stooqAsked(server)).toEqual(['xagusd', 'xpdusd', 'xptusd']);

    // Swapped: each answered by the other provider now.
    expect(
      await answers([metal('XAUUSD', ['stooq', 'twelvedata']), metal('XAGUSD', ['twelvedata', 'stooq'])]),
    ).toEqual({ XAUUSD: '4231.55 (stooq)', XAGUSD: '52.600 (twelvedata)' });
  });

  it('falls to the next of the instrument’s providers, asks none it leaves out, and keeps the global order without one', async () => {
    server.on('/price', { status: 500 });
    expect(
      await answers([
        metal('XAUUSD', ['twelvedata', 'stooq']),
        metal('XAGUSD', ['twelvedata']),
        metal('XPTUSD', null),
      ]),
    ).toEqual({ XAUUSD: '4231.55 (stooq)' });
    // Twelve Data failed for gold and silver in one request; only gold had Stooq next. Platinum, in the
    // global order, was asked of Stooq first (no row there), and not of Twelve Data, which had failed.
    expect(stooqAsked(server)).toEqual(['xptusd', 'xauusd']);
    expect(twelveDataAsked(server)).toEqual(['XAU/USD', 'XAG/USD']);
  });

  it('answers from the global order when none of the instrument’s providers can quote it here', async () => {
    // Frankfurter is not configured in these tiers, and the instrument has no Stooq symbol.
    const noStooq = testInstrument('XAUUSD', { twelvedata: 'XAU/USD' }, { providerOrder: ['stooq'] });
    expect(
      await answers([metal('XAGUSD', ['frankfurter']), noStooq, metal('XPTUSD', ['stooq', 'frankfurter'])]),
    ).toEqual({ XAGUSD: '52.484 (stooq)', XAUUSD: '4240.10 (twelvedata)' });
    // Platinum's order still has Stooq, which can quote it: it is asked there only (no row, no answer).
    expect(twelveDataAsked(server)).not.toContain('XPT/USD');
    expect(stooqAsked(server)).toContain('xptusd');
  });
});

describe('market-data with a provider order per instrument (catalogue API, refresh-prices)', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  const tick = lastWednesdayAfternoon();

  const patch = <T>(symbol: string, body: unknown) =>
    service.request<T>('PATCH', `/instruments/${symbol}`, body, admin);

  beforeAll(async () => {
    server = await new ReplayServer().start();
    server.on('/q/l/', (url) => stooqQuotesFor(url, stooqQuotesDated(tick.toISOString().slice(0, 10))));
    server.on('/price', twelveData);
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,twelvedata',
        STOOQ_BASE_URL: server.url,
        TWELVE_DATA_BASE_URL: server.url,
        TWELVE_DATA_API_KEY: 'demo-key',
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        TWELVE_DATA_CREDITS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
        HISTORY_BACKFILL_DAYS: '30',
      },
    });
    service = md.service;
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('refuses an unknown provider, a duplicate or a non-list with a 400 that names the field', async () => {
    const cases: [unknown, RegExp][] = [
      [
        ['stooq', 'yahoo'],
        /each providerOrder entry must be one of stooq, frankfurter, twelvedata, simulated/,
      ],
      [['stooq', 'twelvedata', 'stooq'], /providerOrder must name each provider at most once/],
      ['stooq', /providerOrder must be a list of provider names/],
      [[1], /each providerOrder entry must be one of/],
    ];
    for (const [providerOrder, message] of cases) {
      const response = await patch<{ message: string[] }>('XAUUSD', { providerOrder });
      expect(response.status).toBe(400);
      expect(String(response.body.message)).toMatch(message);
    }
    expect((await service.get<Instrument>('/instruments/XAUUSD')).body.providerOrder).toBeNull();
  });

  it('refuses with a 422 an order none of whose providers could quote the instrument here', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['XAUUSD', { providerOrder: ['frankfurter'] }, /frankfurter: not configured here/],
      ['XAUUSD', { providerOrder: ['simulated', 'frankfurter'] }, /simulated: not configured here/],
      // The merged instrument is checked: removing the only mapping the order relies on is refused too.
      [
        'XAUUSD',
        { providerOrder: ['stooq'], providerSymbols: { twelvedata: 'XAU/USD' } },
        /stooq: no providerSymbols.stooq/,
      ],
    ];
    for (const [symbol, body, message] of cases) {
      const response = await patch<{ message: string }>(symbol, body);
      expect(response.status).toBe(422);
      expect(response.body.message).toMatch(message);
      expect(response.body.message).toMatch(/this deployment asks stooq, twelvedata/);
    }
    await patch('XAUUSD', { providerOrder: ['twelvedata'] });
    const dropped = await patch<{ message: string }>('XAUUSD', { providerSymbols: { stooq: 'xauusd' } });
    expect(dropped.status).toBe(422);
    expect(dropped.body.message).toMatch(/twelvedata: no providerSymbols.twelvedata/);
    const gold = (await service.get<Instrument>('/instruments/XAUUSD')).body;
    expect(gold.providerSymbols).toMatchObject({ stooq: 'xauusd', twelvedata: 'XAU/USD' });
    expect((await patch<Instrument>('XAUUSD', { providerOrder: null })).status).toBe(200);

    const created = (providerOrder: string[]) =>
      service.request<{ message: string }>(
        'POST',
        '/instruments',
        {
          symbol: 'TDONLY',
          name: 'Twelve Data only (test listing)',
          category: 'stock',
          unit: 'share',
          currency: 'USD',
          calendar: '24/7',
          referencePrice: '10.00',
          annualVolatility: '0.30',
          priceDecimals: 2,
          providerSymbols: { twelvedata: 'TDO' },
          providerOrder,
        },
        admin,
      );
    const refused = await created(['stooq']);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/'TDONLY'.*stooq: no providerSymbols.stooq/);
    expect((await service.get('/instruments/TDONLY')).status).toBe(404);
    expect((await created(['stooq', 'twelvedata'])).status).toBe(201);
  });

  it('stores and shows the order, in the API description too, and [] or null restores the global one', async () => {
    const set = await patch<Instrument>('XPTUSD', { providerOrder: ['twelvedata', 'stooq'] });
    expect(set.status).toBe(200);
    expect(set.body.providerOrder).toEqual(['twelvedata', 'stooq']);
    const listed = await service.get<Instrument[]>('/instruments?category=precious-metal');
    expect(listed.body.find((instrument) => instrument.symbol === 'XPTUSD')!.providerOrder).toEqual([
      'twelvedata',
      'stooq',
    ]);
    expect((await patch<Instrument>('XPTUSD', { providerOrder: [] })).body.providerOrder).toBeNull();
    await patch('XPTUSD', { providerOrder: ['stooq'] });
    expect((await patch<Instrument>('XPTUSD', { providerOrder: null })).body.providerOrder).toBeNull();

    const openapi = await service.get<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>('/openapi.json');
    expect(openapi.body.components.schemas.CreateInstrumentDto.properties.providerOrder).toMatchObject({
      type: 'array',
    });
    expect(openapi.body.components.schemas.UpdateInstrumentDto.properties).toHaveProperty('providerOrder');
  });

  it('prices each symbol from the first provider of its own order, and says which answered', async () => {
    await patch('XAUUSD', { providerOrder: ['twelvedata', 'stooq'] });
    await patch('XAGUSD', { providerOrder: ['stooq', 'twelvedata'] });
    await patch('WTI', { providerOrder: ['twelvedata'] });

    await runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: tick },
      md.outcomes,
      namespace,
    );

    const gold = (await service.get<PriceDto>('/prices/XAUUSD')).body;
    expect(gold).toMatchObject({ price: '4240.10', source: 'twelvedata' });
    const silver = (await service.get<PriceDto>('/prices/XAGUSD')).body;
    expect(silver).toMatchObject({ price: '52.484', source: 'stooq' });
    // Stooq has gold and WTI: it was asked for neither, since Twelve Data answered gold and WTI's order
    // leaves Stooq out. Twelve Data was not asked for silver, which Stooq answered.
    expect(stooqAsked(server)).not.toContain('xauusd');
    expect(stooqAsked(server)).not.toContain('cl.f');
    expect(stooqAsked(server)).toContain('xagusd');
    expect(twelveDataAsked(server)).toContain('WTI/USD');
    expect(twelveDataAsked(server)).not.toContain('XAG/USD');
    expect((await service.get('/prices/WTI')).status).toBe(404);
  });
});
