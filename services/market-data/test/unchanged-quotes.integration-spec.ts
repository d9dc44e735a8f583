import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { MarketDataConfig } from '../src/market-data.config';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, stooqQuotesDated, stooqQuotesFor } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Last Wednesday 15:00 UTC: gold trades then (24/7 anyway), and the quotes of the evening before are fresh enough. */
function lastWednesdayAfternoon(now = new Date()): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 15));
  return new Date(at.getTime() - ((at.getUTCDay() - 3 + 7) % 7 || 7) * DAY_MS);
}

const first = lastWednesdayAfternoon();
const dayBefore = new Date(first.getTime() - DAY_MS).toISOString().slice(0, 10);
const sameDay = first.toISOString().slice(0, 10);
/** Stooq's quote of gold from the evening before the first tick (22:59:57, 4231.55). */
const lastClose = stooqQuotesDated(dayBefore);
/** The same CSV with gold's row at another time and close (between the row's low and high). */
const goldAt = (time: string, close: string, date = dayBefore) =>
  lastClose.replace(/^XAUUSD,[\d-]+,22:59:57,(.*),4231\.55,/m, `XAUUSD,${date},${time},$1,${close},`);
const withoutGold = lastClose.replace(/^XAUUSD,.*\n/m, '');

/** A market-data on Stooq (and `providers`), with the job runner and the gold rows at hand. */
function harness(providers: string) {
  const namespace = testNamespace();
  const ctx = {} as {
    server: ReplayServer;
    md: MarketDataUnderTest;
    service: RunningService<MarketDataConfig>;
    published: Msg[];
  };
  const stooqAnswers = (csv: string) => ctx.server.on('/q/l/', (url) => stooqQuotesFor(url, csv));
  const refresh = async (at: Date) => {
    const runId = await runJob(
      ctx.service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: at },
      ctx.md.outcomes,
      namespace,
    );
    return ctx.md.outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;
  };
  /** Price and source of each `price.updated.XAUUSD`, in order (Stooq's times are Warsaw's: not compared). */
  const goldEvents = () =>
    ctx.published.map((message) => {
      const { price, source } = message.json<{ data: PriceUpdatedV1 }>().data;
      return { price, source };
    });
  const lastGoldEvent = () => ctx.published.at(-1)!.json<{ data: PriceUpdatedV1 }>().data;
  const query = (sql: string) => ctx.service.app.get(DataSource).query(sql);
  /** Everything a stored quote changes besides the events: the latest row, the ticks and the day's bar. */
  const goldState = async () => ({
    latest: await query(`SELECT * FROM latest_prices WHERE symbol = 'XAUUSD'`),
    ticks: await query(
      `SELECT as_of, price, source FROM price_history WHERE symbol = 'XAUUSD' ORDER BY as_of`,
    ),
    bars: await query(`SELECT * FROM intraday_bars WHERE symbol = 'XAUUSD' ORDER BY date`),
  });
  const metric = async (source: string, reason: string) => {
    const metrics = (await ctx.service.get<string>('/metrics')).body;
    const line = metrics
      .split('\n')
      .find((row) =>
        row.startsWith(
          `marketpulse_price_quotes_unchanged_total{symbol="XAUUSD",source="${source}",reason="${reason}"}`,
        ),
      );
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  beforeAll(async () => {
    ctx.server = await new ReplayServer().start();
    stooqAnswers(lastClose);
    ctx.md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: providers,
        STOOQ_BASE_URL: ctx.server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
        HISTORY_BACKFILL_DAYS: '30',
      },
      collect: ['price.updated.XAUUSD'],
    });
    ctx.service = ctx.md.service;
    ctx.published = ctx.md.collected['price.updated.XAUUSD'];
  });

  afterAll(async () => {
    await ctx.md?.close();
    await ctx.server?.stop();
  });

  return { ctx, stooqAnswers, refresh, goldEvents, lastGoldEvent, goldState, metric };
}

const stooqEvent = (price: string) => ({ price, source: 'stooq' });

describe('market-data refresh-prices with a provider repeating its last quote (a closed market)', () => {
  const { stooqAnswers, refresh, goldEvents, goldState, metric } = harness('stooq');
  let tick = 0;
  const nextTick = () => refresh(new Date(first.getTime() + tick++ * MINUTE_MS));

  it('stores and publishes the quote once; the same answer on the next tick is unchanged', async () => {
    await nextTick();
    await expectEventually(() => expect(goldEvents()).toEqual([stooqEvent('4231.55')]));
    const before = await goldState();

    const counts = await nextTick();
    expect(counts.updated).toBe(0);
    expect(counts.older).toBe(0);
    expect(await goldState()).toEqual(before);
    expect(await metric('stooq', 'unchanged')).toBe(1);
  });

  it('takes no other price at the stored quote time: a same-time "correction" is unchanged too', async () => {
    const before = await goldState();
    stooqAnswers(goldAt('22:59:57', '4236.80'));
    const counts = await nextTick();
    expect(counts.updated).toBe(0);
    expect(await goldState()).toEqual(before);
    expect(await metric('stooq', 'unchanged')).toBe(2);
  });

  it('stores a later quote, and publishes nothing for the unchanged ones before it', async () => {
    stooqAnswers(goldAt('23:30:00', '4233.10'));
    const counts = await nextTick();
    expect(counts.updated).toBeGreaterThanOrEqual(1);
    // The outbox is in order: had either unchanged quote been published, it would come before this one.
    await expectEventually(() =>
      expect(goldEvents()).toEqual([stooqEvent('4231.55'), stooqEvent('4233.10')]),
    );
  });

  it('drops a quote older than the stored one from the same provider, counted as older', async () => {
    const before = await goldState();
    stooqAnswers(lastClose); // the evening's close again: Stooq lagging behind its own last answer
    const counts = await nextTick();
    expect(counts.older).toBe(1);
    expect(counts.updated).toBe(0);
    expect(await goldState()).toEqual(before);
    expect(await metric('stooq', 'older')).toBe(1);

    stooqAnswers(goldAt('09:00:00', '4238.00', sameDay));
    await nextTick();
    await expectEventually(() =>
      expect(goldEvents()).toEqual([stooqEvent('4231.55'), stooqEvent('4233.10'), stooqEvent('4238.00')]),
    );
  });
});

describe('market-data refresh-prices with a slot-stamped fallback between two Stooq quotes', () => {
  const { stooqAnswers, refresh, goldEvents, lastGoldEvent, goldState, metric } = harness('stooq,simulated');

  it('takes Stooq again after the simulation answered one tick, though its quote time is older', async () => {
    await refresh(first);
    await expectEventually(() => expect(goldEvents()).toEqual([stooqEvent('4231.55')]));

    // Stooq leaves gold out for one tick: the simulation answers, stamped with the tick's slot.
    stooqAnswers(withoutGold);
    const fallbackAt = new Date(first.getTime() + MINUTE_MS);
    await refresh(fallbackAt);
    await expectEventually(() => expect(goldEvents()).toHaveLength(2));
    expect(lastGoldEvent()).toMatchObject({ asOf: fallbackAt.toISOString(), source: 'simulated' });
    const fallbackAsOf = Date.parse(lastGoldEvent().asOf);

    // Stooq's next quote is stamped with its own time, before the slot: another clock, not a lag.
    stooqAnswers(goldAt('23:30:00', '4233.10'));
    const counts = await refresh(new Date(first.getTime() + 2 * MINUTE_MS));
    expect(counts.older).toBe(0);
    await expectEventually(() => expect(goldEvents()).toHaveLength(3));
    expect(goldEvents()[2]).toEqual(stooqEvent('4233.10'));
    expect(Date.parse(lastGoldEvent().asOf)).toBeLessThan(fallbackAsOf);
    expect((await goldState()).latest[0]).toMatchObject({ price: '4233.10000000', source: 'stooq' });

    // And from then on Stooq's own repeats are unchanged, as with Stooq alone.
    const before = await goldState();
    const repeat = await refresh(new Date(first.getTime() + 3 * MINUTE_MS));
    expect(repeat.unchanged).toBeGreaterThanOrEqual(1);
    expect(await goldState()).toEqual(before);
    expect(await metric('stooq', 'unchanged')).toBe(1);
    expect(await metric('simulated', 'older')).toBe(0);
  });
});
