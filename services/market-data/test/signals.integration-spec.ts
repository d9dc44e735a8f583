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
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { detectSignals, indicatorWindows } from '../src/indicators';
import { MarketDataConfig } from '../src/market-data.config';
import { DailyBarsRepository } from '../src/signals/daily-bars.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('market-data signals and indicators (detect-signals job, /signals, /indicators)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let db: DataSource;
  let published: Msg[];
  let outcomes: Msg[];

  const detect = () =>
    runJob(service.app, { service: 'market-data', job: 'detect-signals' }, outcomes, namespace);
  const recentSince = () => new Date(Date.now() - 7 * DAY_MS).toISOString().slice(0, 10);
  const signalKey = (signal: { symbol: string; date: string; type: string }) =>
    `${signal.symbol}/${signal.date}/${signal.type}`;

  beforeAll(async () => {
    md = await startMarketData(namespace, { collect: ['signal.detected.>'] });
    ({ service, outcomes } = md);
    published = md.collected['signal.detected.>'];
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
  });

  afterAll(() => md?.close());

  it('stores every signal of the history once and publishes the recent ones once, valid against the contract', async () => {
    await detect();
    const stored: { symbol: string; date: string; type: string }[] = await db.query(
      `SELECT symbol, date::text AS date, type FROM signals`,
    );
    expect(stored.length).toBeGreaterThan(0);
    // What is stored for one symbol is what the detectors find in its bars (gold trades 24/7: a year is 365).
    const bars = await service.app.get(DailyBarsRepository).forSymbol(db.manager, 'XAUUSD');
    expect(
      stored
        .filter((signal) => signal.symbol === 'XAUUSD')
        .map(signalKey)
        .sort(),
    ).toEqual(
      detectSignals('XAUUSD', bars, { yearBars: indicatorWindows('24/7').year })
        .map(signalKey)
        .sort(),
    );

    const recent = stored
      .filter((signal) => signal.date >= recentSince())
      .map(signalKey)
      .sort();
    await expectEventually(() => expect(published).toHaveLength(recent.length));
    const events = published.map((message) => {
      const envelope = validateEnvelope(message.json());
      const payload = validatePayload(contractForType(envelope.type, envelope.version)!, envelope.data);
      expect(message.subject).toBe(`${namespace}.signal.detected.${(payload as SignalDetectedV1).symbol}`);
      return payload as SignalDetectedV1;
    });
    expect(events.map(signalKey).sort()).toEqual(recent);

    // The next run finds nothing new: nothing stored twice, nothing published again.
    await detect();
    const [{ count }]: { count: number }[] = await db.query('SELECT count(*)::int AS count FROM signals');
    expect(count).toBe(stored.length);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the relay's poll interval, twice over
    expect(published).toHaveLength(recent.length);
  });

  it('serves signals with filters and refuses bad ones', async () => {
    const all = await service.get<{ symbol: string; type: string; date: string }[]>(
      '/signals?symbol=xauusd&since=2000-01-01&limit=1000',
    );
    expect(all.status).toBe(200);
    expect(all.body.every((signal) => signal.symbol === 'XAUUSD')).toBe(true);
    const dates = all.body.map((signal) => signal.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await service.get('/signals?type=bogus')).status).toBe(400);
    expect((await service.get('/signals?since=yesterday')).status).toBe(400);
    expect((await service.get('/signals?limit=0')).status).toBe(400);
  });

  it('serves the latest indicators of a symbol from its daily bars', async () => {
    const gold = await service.get<{
      symbol: string;
      sma200: string | null;
      rsi14: string | null;
      date: string;
    }>('/indicators/xauusd');
    expect(gold.status).toBe(200);
    expect(gold.body.symbol).toBe('XAUUSD');
    expect(gold.body.sma200).toMatch(/^\d+\.\d{8}$/);
    expect(Number(gold.body.rsi14)).toBeGreaterThanOrEqual(0);
    expect(Number(gold.body.rsi14)).toBeLessThanOrEqual(100);
    expect((await service.get('/indicators/NOPE')).status).toBe(404);
    expect((await service.get('/indicators/not%20a%20symbol')).status).toBe(400);
  });
});
