import {
  contractForType,
  validateEnvelope,
  validatePayload,
  type SignalDetectedV1,
} from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import type { TradingCalendar } from '../src/catalogue/instrument.entity';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { detectSignals, indicatorWindows } from '../src/indicators';
import { MarketDataConfig } from '../src/market-data.config';
import { DailyBarsRepository } from '../src/signals/daily-bars.repository';

interface StoredSignal {
  symbol: string;
  date: string;
  type: string;
  fastPeriod?: number;
  slowPeriod?: number;
}

describe('market-data signals on a configured fast/slow pair (SIGNAL_FAST_PERIOD / SIGNAL_SLOW_PERIOD)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let db: DataSource;
  let published: Msg[];
  let outcomes: Msg[];

  const signalKey = (signal: StoredSignal) => `${signal.symbol}/${signal.date}/${signal.type}`;
  const pairOnly = (signal: { type: string }) => signal.type.startsWith('pair_');

  beforeAll(async () => {
    md = await startMarketData(namespace, {
      env: { SIGNAL_FAST_PERIOD: '10', SIGNAL_SLOW_PERIOD: '30' },
      collect: ['signal.detected.>'],
    });
    ({ service, outcomes } = md);
    published = md.collected['signal.detected.>'];
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
  });

  afterAll(() => md?.close());

  it('detects the configured pair’s crosses and says which pair in /signals and signal.detected', async () => {
    await runJob(service.app, { service: 'market-data', job: 'detect-signals' }, outcomes, namespace);

    const bars = await service.app.get(DailyBarsRepository).forSymbol(db.manager, 'XAUUSD');
    const gold = (await service.get<{ calendar: TradingCalendar }>('/instruments/XAUUSD')).body;
    const expected = detectSignals('XAUUSD', bars, {
      pair: { fast: 10, slow: 30 },
      yearBars: indicatorWindows(gold.calendar).year,
    }).filter(pairOnly);
    // A 10/30 pair crosses far more often than 20/50 does: the default would not give this set.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.map(signalKey).sort()).not.toEqual(
      detectSignals('XAUUSD', bars).filter(pairOnly).map(signalKey).sort(),
    );

    const served = (await service.get<StoredSignal[]>('/signals?symbol=XAUUSD&since=1900-01-01&limit=1000'))
      .body;
    expect(served.filter(pairOnly).map(signalKey).sort()).toEqual(expected.map(signalKey).sort());
    for (const signal of served.filter(pairOnly))
      expect(signal).toMatchObject({ fastPeriod: 10, slowPeriod: 30 });
    for (const signal of served.filter((s) => s.type.endsWith('golden_cross') && !pairOnly(s)))
      expect(signal).toMatchObject({ fastPeriod: 50, slowPeriod: 200 });
    for (const signal of served.filter((s) => s.type.startsWith('rsi_'))) {
      expect(signal.fastPeriod).toBeUndefined();
      expect(signal.slowPeriod).toBeUndefined();
    }

    const [{ recent }]: { recent: number }[] = await db.query(
      `SELECT count(*)::int AS recent FROM signals WHERE date >= (now() - interval '7 days')::date`,
    );
    await expectEventually(() => expect(published).toHaveLength(recent));
    const events = published.map((message) => {
      const envelope = validateEnvelope(message.json());
      return validatePayload(
        contractForType(envelope.type, envelope.version)!,
        envelope.data,
      ) as SignalDetectedV1;
    });
    for (const event of events.filter(pairOnly))
      expect(event).toMatchObject({ fastPeriod: 10, slowPeriod: 30 });
  });

  it('keeps a cross of another pair on the same day as a signal of its own', async () => {
    const [pair] = (await service.get<StoredSignal[]>('/signals?type=pair_golden_cross&since=1900-01-01'))
      .body;
    expect(pair).toBeDefined();
    // As if the pair had been 20/50 before: that row and this one are different signals.
    await db.query(
      `INSERT INTO signals (symbol, date, type, direction, strength, fast_period, slow_period, synthetic, detected_at)
       VALUES ($1, $2, 'pair_golden_cross', 'bullish', 0, 20, 50, true, now())`,
      [pair.symbol, pair.date],
    );
    await runJob(service.app, { service: 'market-data', job: 'detect-signals' }, outcomes, namespace);
    const sameDay = (
      await service.get<StoredSignal[]>(
        `/signals?type=pair_golden_cross&symbol=${pair.symbol}&since=${pair.date}&limit=1000`,
      )
    ).body.filter((signal) => signal.date === pair.date);
    expect(sameDay.map((signal) => `${signal.fastPeriod}/${signal.slowPeriod}`).sort()).toEqual([
      '10/30',
      '20/50',
    ]);
  });
});
