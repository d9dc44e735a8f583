import type { CandleClosedV1, PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import Decimal from 'decimal.js';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { MarketDataConfig } from '../src/market-data.config';
import type { DailyHistoryDto } from '../src/prices/dto/daily-history.dto';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Midnight UTC starting a Friday at least a week back, so the whole weekend after it is past. */
function aPastFriday(now = new Date()): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const back = ((day.getUTCDay() - 5 + 7) % 7 || 7) + 7;
  return new Date(day.getTime() - back * DAY_MS);
}

describe('market-data 24/5 trading day (Sunday evening belongs to Monday)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let prices: Msg[];
  let candles: Msg[];
  const friday = aPastFriday();
  const date = (days: number) => new Date(friday.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  const at = (hours: number) => new Date(friday.getTime() + hours * HOUR_MS);
  const refresh = (asOf: Date) =>
    runJob(
      service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: asOf },
      md.outcomes,
      namespace,
    );
  const priceAt = (symbol: string, asOf: Date) =>
    prices
      .map((message) => message.json<{ data: PriceUpdatedV1 }>().data)
      .find((event) => event.symbol === symbol && event.asOf === asOf.toISOString());
  const candlesOf = (symbol: string) =>
    candles
      .map((message) => message.json<{ data: CandleClosedV1 }>().data)
      .filter((candle) => candle.symbol === symbol);

  beforeAll(async () => {
    md = await startMarketData(namespace, { collect: ['price.updated.>', 'candle.closed.>'] });
    service = md.service;
    prices = md.collected['price.updated.>'];
    candles = md.collected['candle.closed.>'];
  });

  afterAll(() => md?.close());

  it('rolls Sunday 22:00 UTC onwards into Monday and closes no Sunday candle', async () => {
    const sundayEvening = [at(48 + 22.5), at(48 + 23.5)];
    const monday = [at(72 + 0.01), at(72 + 12)];
    const mondayEvening = at(72 + 22.5); // already Tuesday's trading day
    for (const asOf of [at(21), ...sundayEvening, ...monday, mondayEvening, at(96 + 0.01)]) {
      await refresh(asOf);
    }
    await expectEventually(() => expect(candlesOf('EURUSD').map((candle) => candle.date)).toContain(date(3)));

    // Gold trades around the clock: its Sunday bar did close, so the Sunday close did run for everyone.
    expect(candlesOf('XAUUSD').map((candle) => candle.date)).toContain(date(2));
    expect(candlesOf('EURUSD').map((candle) => candle.date)).toEqual([date(0), date(3)]);

    const mondayTicks = [...sundayEvening, ...monday].map(
      (asOf) => new Decimal(priceAt('EURUSD', asOf)!.price),
    );
    expect(priceAt('EURUSD', mondayEvening)).toBeDefined();
    const expected = {
      date: date(3),
      open: mondayTicks[0].toFixed(5),
      high: Decimal.max(...mondayTicks).toFixed(5),
      low: Decimal.min(...mondayTicks).toFixed(5),
      close: mondayTicks[3].toFixed(5),
    };
    expect(candlesOf('EURUSD')[1]).toMatchObject(expected);

    const bars = await service.get<DailyHistoryDto>(
      `/prices/EURUSD/history?interval=1d&from=${date(1)}&to=${date(3)}`,
    );
    expect(bars.status).toBe(200);
    expect(bars.body.bars).toEqual([expect.objectContaining({ ...expected, source: 'simulated' })]);
  });
});
