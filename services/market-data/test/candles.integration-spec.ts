import {
  contractForType,
  validateEnvelope,
  validatePayload,
  type CandleClosedV1,
  type PriceUpdatedV1,
} from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import Decimal from 'decimal.js';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';
import type { DailyHistoryDto } from '../src/prices/dto/daily-history.dto';
import type { PriceHistoryDto } from '../src/prices/dto/price.dto';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Midnight UTC starting last Wednesday: gold trades around the clock, so any hour of it has a price. */
function lastWednesday(now = new Date()): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const back = (day.getUTCDay() - 3 + 7) % 7 || 7;
  return new Date(day.getTime() - back * DAY_MS);
}

describe('market-data intraday ticks rolled up into daily bars (candle.closed)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let prices: Msg[];
  let candles: Msg[];
  let outcomes: Msg[];
  const day = lastWednesday();
  const dayText = day.toISOString().slice(0, 10);
  const nextDayText = new Date(day.getTime() + DAY_MS).toISOString().slice(0, 10);
  const at = (hours: number) => new Date(day.getTime() + hours * HOUR_MS);
  const refresh = (asOf: Date) =>
    runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: asOf },
      outcomes,
      namespace,
    );
  const goldAt = (asOf: Date) =>
    prices
      .map((message) => message.json<{ data: PriceUpdatedV1 }>().data)
      .find((event) => event.symbol === 'XAUUSD' && event.asOf === asOf.toISOString())!;
  const goldCandles = () =>
    candles
      .map((message) => validateEnvelope(message.json()))
      .filter((envelope) => (envelope.data as CandleClosedV1).symbol === 'XAUUSD')
      .map((envelope) => validatePayload(contractForType(envelope.type, envelope.version)!, envelope.data));

  beforeAll(async () => {
    md = await startMarketData(namespace, {
      env: { PRICE_TICK_RETENTION_DAYS: '1' },
      collect: ['price.updated.XAUUSD', 'candle.closed.>'],
    });
    ({ service, outcomes } = md);
    prices = md.collected['price.updated.XAUUSD'];
    candles = md.collected['candle.closed.>'];
  });

  afterAll(() => md?.close());

  it("builds the day's bar from its ticks and closes it once, at the first refresh of the next day", async () => {
    const ticks = [at(10), at(14), at(20)];
    for (const asOf of ticks) await refresh(asOf);
    await expectEventually(() => expect(goldAt(at(20))).toBeDefined());
    const observed = ticks.map((asOf) => new Decimal(goldAt(asOf).price));
    expect(candles).toHaveLength(0);

    await refresh(at(24.01)); // 00:00:36 the next day
    await expectEventually(() => expect(goldCandles()).toHaveLength(1));
    expect(goldCandles()[0]).toEqual<CandleClosedV1>({
      symbol: 'XAUUSD',
      interval: '1d',
      date: dayText,
      open: observed[0].toFixed(2),
      high: Decimal.max(...observed).toFixed(2),
      low: Decimal.min(...observed).toFixed(2),
      close: observed[2].toFixed(2),
      currency: 'USD',
      source: 'simulated',
      synthetic: true,
      closedAt: at(24.01).toISOString(),
    });
    // Every symbol that ticked that day closes with it (24/5 and exchange-hours ones included).
    const symbols = new Set(candles.map((message) => message.subject.split('.').pop()));
    expect(symbols.has('EURUSD')).toBe(true);
    expect(symbols.has('AAPL')).toBe(true);

    await refresh(at(24.5));
    await expectEventually(() => expect(goldAt(at(24.5))).toBeDefined());
    expect(goldCandles()).toHaveLength(1);

    const bars = await service.get<DailyHistoryDto>(
      `/prices/XAUUSD/history?interval=1d&from=${dayText}&to=${nextDayText}`,
    );
    expect(bars.status).toBe(200);
    expect(bars.body.bars[0]).toEqual(
      expect.objectContaining({
        date: dayText,
        open: observed[0].toFixed(2),
        close: observed[2].toFixed(2),
        source: 'simulated',
        synthetic: true,
      }),
    );
    // Only closed days reach daily_bars: the day in progress has left the start-up backfill's bar for it (a
    // past day in this test) untouched, so indicators and signals never see a half-formed day.
    expect(bars.body.bars.slice(1).map((bar) => bar.source)).not.toContain('simulated');
  });

  it('keeps ticks for the retention window only; the days live on as bars', async () => {
    await refresh(at(48 + 12)); // two days later, noon: ticks before the previous noon go
    await expectEventually(() => expect(goldAt(at(60))).toBeDefined());
    const ticks = await service.get<PriceHistoryDto>(
      `/prices/XAUUSD/history?from=${day.toISOString()}&to=${at(72).toISOString()}`,
    );
    expect(ticks.body.points.map((point) => point.asOf)).toEqual([at(60).toISOString()]);
    // The day after closed now, once, and the first day is still there as a bar.
    await expectEventually(() =>
      expect(goldCandles().map((candle) => candle.date)).toEqual([dayText, nextDayText]),
    );
    const bars = await service.get<DailyHistoryDto>(
      `/prices/XAUUSD/history?interval=1d&from=${dayText}&to=${nextDayText}`,
    );
    // The next day: opened by the 00:00:36 tick, closed by the 00:30 one.
    const [first, second] = [goldAt(at(24.01)).price, goldAt(at(24.5)).price].map(
      (price) => new Decimal(price),
    );
    expect(bars.body.bars.map((bar) => bar.date)).toEqual([dayText, nextDayText]);
    expect(bars.body.bars[1]).toMatchObject({
      open: first.toFixed(2),
      high: Decimal.max(first, second).toFixed(2),
      low: Decimal.min(first, second).toFixed(2),
      close: second.toFixed(2),
    });
  });
});
