import { Tick } from '@marketpulse/contracts';
import { JetStreamPublisher, buildEvent } from '@marketpulse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { MarketDataConfig } from '../src/market-data.config';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer, fixture, type Replay } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long Stooq keeps the gold history request waiting: the provider timeout ends it. */
const TIMEOUT_MS = 2000;

const recentDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

/** Silver: Stooq's three recorded gold bars moved to recent days; "No data" for the other symbols. */
function history(url: URL): Replay {
  if (url.searchParams.get('s') !== 'xagusd') return { body: fixture('stooq-history-no-data.txt') };
  const [header, ...rows] = fixture('stooq-history-xauusd.csv').trim().split('\n');
  const moved = rows.map((row, index) =>
    // Gold's levels as silver's: the bars only need to be coherent, not plausible.
    [recentDay(rows.length + 1 - index), ...row.split(',').slice(1)].join(','),
  );
  return { body: [header, ...moved].join('\n') + '\n' };
}

describe('market-data import-history holds no transaction while it waits for a provider', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let db: DataSource;
  let goldAskedAt: number | undefined;

  beforeAll(async () => {
    server = await new ReplayServer().start();
    server.on('/q/d/l/', (url) => {
      if (url.searchParams.get('s') !== 'xauusd') return history(url);
      goldAskedAt = Date.now();
      return { hang: true };
    });
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,simulated',
        STOOQ_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: '1000',
        PROVIDER_TIMEOUT_MS: String(TIMEOUT_MS),
        PROVIDER_RETRY_ATTEMPTS: '1',
        HISTORY_BACKFILL_DAYS: '30',
      },
    });
    service = md.service;
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('asks first, outside any transaction, then stores what it got; the hung symbol is left for next time', async () => {
    const done = runJob(
      service.app,
      { service: 'market-data', job: 'import-history' },
      md.outcomes,
      namespace,
    );
    await expectEventually(() => expect(goldAskedAt).toBeDefined());
    // Well into the wait for Stooq's answer: no transaction of the service began before the request and
    // is still open. (The job's own transaction used to be open across every provider call.)
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2));
    const [{ open }]: { open: number }[] = await db.query(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start <= $1`,
      [new Date(goldAskedAt!)],
    );
    expect(open).toBe(0);

    const runId = await done;
    const counts = md.outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;
    expect(counts).toMatchObject({ imported: 1, barsReplaced: 3, storeFailed: 0 });
    const [{ observed }]: { observed: number }[] = await db.query(
      `SELECT count(*)::int AS observed FROM daily_bars WHERE symbol = 'XAGUSD' AND source = 'stooq'`,
    );
    expect(observed).toBe(3);
  });

  it('imports a redelivered tick once: the repeat asks no provider and reports nothing again', async () => {
    const now = new Date();
    const runId = randomUUID();
    const event = buildEvent(
      Tick,
      {
        runId,
        service: 'market-data',
        job: 'import-history',
        scheduledFor: now.toISOString(),
        firedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        manual: true,
      },
      'test',
    );
    // The same envelope under another message id: JetStream delivers it again, as after a lost ack.
    const deliver = () =>
      service.app.get(JetStreamPublisher).publish({
        subject: event.subject,
        data: JSON.stringify(event.envelope),
        msgId: randomUUID(),
        headers: event.headers,
      });
    const outcomesOf = (id: string) =>
      md.outcomes.filter((message) => message.json<{ data: { runId: string } }>().data.runId === id);
    const askedBefore = server.requestsTo('/q/d/l/').length;
    await deliver();
    await expectEventually(() => expect(outcomesOf(runId)).toHaveLength(1), 30_000);
    const perImport = server.requestsTo('/q/d/l/').length - askedBefore;
    expect(perImport).toBeGreaterThan(0);

    await deliver();
    // A later tick: the consumer handles one tick at a time, so once it is done the repeat was handled.
    await runJob(service.app, { service: 'market-data', job: 'import-history' }, md.outcomes, namespace);
    expect(server.requestsTo('/q/d/l/').length).toBe(askedBefore + 2 * perImport);
    expect(outcomesOf(runId)).toHaveLength(1);
  });
});
