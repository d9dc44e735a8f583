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
import { ReplayServer, fixture } from './replay-server';
import type { TradingCalendar } from '../src/catalogue/instrument.entity';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { detectSignals, indicatorWindows } from '../src/indicators';
import { MarketDataConfig } from '../src/market-data.config';
import { DailyBarsRepository } from '../src/signals/daily-bars.repository';
import { labelSynthetic } from '../src/signals/signal-synthetic';

const DAY_MS = 24 * 60 * 60 * 1000;

function recentDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

/** Stooq's recorded gold history on the three days before yesterday; every other symbol: "No data". */
function stooqHistory(url: URL) {
  if (url.searchParams.get('s') !== 'xauusd') return { body: fixture('stooq-history-no-data.txt') };
  const [header, ...rows] = fixture('stooq-history-xauusd.csv').trim().split('\n');
  const moved = rows.map((row, index) =>
    [recentDay(rows.length + 1 - index), ...row.split(',').slice(1)].join(','),
  );
  return { body: [header, ...moved].join('\n') + '\n' };
}

interface ServedSignal {
  symbol: string;
  date: string;
  type: string;
  synthetic: boolean;
}

describe('market-data signals labelled synthetic, and dropped when import-history replaces their bars', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let db: DataSource;
  let published: Msg[];
  let outcomes: Msg[];

  const run = (job: string) => runJob(service.app, { service: 'market-data', job }, outcomes, namespace);
  const goldSignals = async () =>
    (await service.get<ServedSignal[]>('/signals?symbol=XAUUSD&since=1900-01-01&limit=1000')).body;

  beforeAll(async () => {
    server = await new ReplayServer().start();
    server.on('/q/d/l/', stooqHistory);
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,simulated',
        STOOQ_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_RETRY_BASE_MS: '1',
      },
      collect: ['signal.detected.>'],
    });
    ({ service, outcomes } = md);
    published = md.collected['signal.detected.>'];
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
    // A close far above the year's range on yesterday's (synthetic) gold bar: a recent signal whose
    // window takes in the days Stooq's history will replace.
    await db.query(
      `UPDATE daily_bars SET close = high * 10, high = high * 10 WHERE symbol = 'XAUUSD' AND date = $1`,
      [recentDay(1)],
    );
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('labels each signal by the bars it was computed from, in /signals and signal.detected', async () => {
    await run('detect-signals');
    const bars = await service.app.get(DailyBarsRepository).forSymbol(db.manager, 'XAUUSD');
    const { calendar } = (await service.get<{ calendar: TradingCalendar }>('/instruments/XAUUSD')).body;
    const yearBars = indicatorWindows(calendar).year;
    const expected = labelSynthetic(detectSignals('XAUUSD', bars, { yearBars }), bars, yearBars);
    const label = (signal: { date: string; type: string; synthetic: boolean }) =>
      `${signal.date}/${signal.type}/${signal.synthetic}`;
    const served = await goldSignals();
    expect(served.map(label).sort()).toEqual(expected.map(label).sort());
    // Brent's bundled EIA closes are real: signals computed from them alone are not synthetic.
    const brent = (await service.get<ServedSignal[]>('/signals?symbol=BRENT&since=1900-01-01&limit=1000'))
      .body;
    expect(brent.some((signal) => !signal.synthetic)).toBe(true);
    // A series that is simulated throughout gives only synthetic signals.
    const rhodium = (await service.get<ServedSignal[]>('/signals?symbol=XRHUSD&since=1900-01-01&limit=1000'))
      .body;
    expect(rhodium.length).toBeGreaterThan(0);
    expect(rhodium.every((signal) => signal.synthetic)).toBe(true);

    const [{ recent }]: { recent: number }[] = await db.query(
      `SELECT count(*)::int AS recent FROM signals WHERE date >= $1`,
      [recentDay(7)],
    );
    await expectEventually(() => expect(published).toHaveLength(recent));
    for (const message of published) {
      const envelope = validateEnvelope(message.json());
      const event = validatePayload(
        contractForType(envelope.type, envelope.version)!,
        envelope.data,
      ) as SignalDetectedV1;
      const stored = served.find(
        (s) => s.date === event.date && s.type === event.type && s.symbol === event.symbol,
      );
      if (stored) expect(event.synthetic).toBe(stored.synthetic);
      expect(typeof event.synthetic).toBe('boolean');
    }
    expect(served).toContainEqual(
      expect.objectContaining({ date: recentDay(1), type: 'new_52w_high', synthetic: true }),
    );
  });

  it('deletes the synthetic signals on and after the first replaced bar, keeps the rest, and detects again', async () => {
    const before = await goldSignals();
    const firstReplaced = recentDay(4);
    const runId = await run('import-history');
    const counts = outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;
    const gone = before.filter((signal) => signal.synthetic && signal.date >= firstReplaced);
    expect(gone.length).toBeGreaterThan(0);
    expect(counts).toMatchObject({ barsReplaced: 3, signalsDeleted: gone.length });
    const key = (signal: ServedSignal) => `${signal.date}/${signal.type}`;
    expect((await goldSignals()).map(key).sort()).toEqual(
      before
        .filter((signal) => !gone.includes(signal))
        .map(key)
        .sort(),
    );

    // The next detection works from the real bars: what it stores is what the detectors find there.
    await run('detect-signals');
    const bars = await service.app.get(DailyBarsRepository).forSymbol(db.manager, 'XAUUSD');
    const { calendar } = (await service.get<{ calendar: TradingCalendar }>('/instruments/XAUUSD')).body;
    const yearBars = indicatorWindows(calendar).year;
    const expected = labelSynthetic(detectSignals('XAUUSD', bars, { yearBars }), bars, yearBars);
    const label = (signal: { date: string; type: string; synthetic: boolean }) =>
      `${signal.date}/${signal.type}/${signal.synthetic}`;
    expect((await goldSignals()).map(label).sort()).toEqual(expected.map(label).sort());
  });
});
