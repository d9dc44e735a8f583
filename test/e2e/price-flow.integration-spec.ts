import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { buildEvent } from '@marketpulse/messaging';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import {
  Tick,
  contractForType,
  validateEnvelope,
  validatePayload,
  type EventEnvelope,
} from '@marketpulse/contracts';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { mintDemoToken } from '@marketpulse/auth';
import { AppModule as MarketDataModule } from '../../services/market-data/src/app.module';
import { MarketDataConfig } from '../../services/market-data/src/market-data.config';
import { AppModule as PredictionsModule } from '../../services/predictions/src/app.module';
import { PredictionsConfig } from '../../services/predictions/src/predictions.config';
import { AppModule as SchedulerModule } from '../../services/scheduler/src/app.module';
import { DEFAULT_SCHEDULE } from '../../services/scheduler/src/jobs/default-schedule';
import { SchedulerConfig } from '../../services/scheduler/src/scheduler.config';
import { expectEventually } from '../support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../support/nats-client';
import { runTsScript } from '../support/run-ts-script';
import { startService, type RunningService } from '../support/service-harness';

interface PriceView {
  symbol: string;
  price: string;
  synthetic: boolean;
  stale: boolean;
}

describe('scheduler tick → market-data → price.updated (end to end)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let scheduler: RunningService<SchedulerConfig>;
  let marketData: RunningService<MarketDataConfig>;
  let predictions: RunningService<PredictionsConfig>;
  let nc: NatsConnection;
  let prices: Msg[];
  let ticks: Msg[];

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
    prices = collect(nc, `${namespace}.price.updated.>`);
    ticks = collect(nc, `${namespace}.tick.>`);
    await nc.flush();
    const env = {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      OUTBOX_POLL_INTERVAL_MS: '200',
    };
    marketData = await startService(
      MarketDataConfig,
      (config) => MarketDataModule.forRoot(config),
      env,
      'market-data',
    );
    predictions = await startService(
      PredictionsConfig,
      (config) => PredictionsModule.forRoot(config),
      env,
      'predictions',
    );
    scheduler = await startService(
      SchedulerConfig,
      (config) => SchedulerModule.forRoot(config),
      env,
      'scheduler',
    );
  });

  afterAll(async () => {
    await scheduler?.close();
    await predictions?.close();
    await marketData?.close();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('a scheduled tick makes market-data publish price.updated.<SYM> that a plain NATS client receives, valid against the contract', async () => {
    await expectEventually(() => expect(prices.length).toBeGreaterThanOrEqual(10), 20_000);
    // Other jobs (predictions' sweep) may tick first: the chain starts at market-data's refresh tick.
    const refreshTicks = ticks.filter(
      (message) => message.subject === `${namespace}.tick.market-data.refresh-prices`,
    );
    expect(refreshTicks.length).toBeGreaterThan(0);
    for (const message of prices) {
      const envelope = validateEnvelope(message.json());
      const contract = contractForType(envelope.type, envelope.version)!;
      expect(contract.type).toBe('price.updated');
      const payload = validatePayload(contract, envelope.data);
      expect(message.subject).toBe(`${namespace}.${contract.subject(payload)}`);
      expect(message.headers?.get('Nats-Msg-Id')).toBe(envelope.id);
      expect(envelope.producer).toBe('market-data');
    }
    const first = prices[0].json<EventEnvelope>();
    // The price events of a run are caused by its tick and share its correlation id.
    const causingTick = ticks
      .map((message) => message.json<EventEnvelope<{ runId: string; job: string }>>())
      .find((t) => t.id === first.causationId);
    expect(causingTick).toBeDefined();
    expect(first.correlationId).toBe(causingTick!.data.runId);
    expect(causingTick!.data.job).toBe('refresh-prices');
  });

  it('serves the latest prices and their history over HTTP', async () => {
    const latest = await marketData.get<PriceView[]>('/prices/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.length).toBeGreaterThanOrEqual(10);
    expect(
      latest.body.every((price) => /^\d+(\.\d+)?$/.test(price.price) && price.synthetic && !price.stale),
    ).toBe(true);
    const gold = await marketData.get<PriceView>('/prices/xauusd');
    expect(gold.status).toBe(200);
    expect(gold.body.symbol).toBe('XAUUSD');
    const history = await marketData.get<{ points: unknown[] }>('/prices/XAUUSD/history');
    expect(history.status).toBe(200);
    expect(history.body.points.length).toBeGreaterThanOrEqual(1);
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const unknown = await marketData.get<{ message: string }>('/prices/NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Unknown symbol 'NOPE'. Known symbols: .*XAUUSD/);
    expect((await marketData.get('/prices/not%20a%20symbol')).status).toBe(400);
    const badDate = await marketData.get<{ message: string[] }>('/prices/XAUUSD/history?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.message.join()).toMatch(/from must be an ISO-8601 date-time/);
    const reversed = await marketData.get<{ message: string }>(
      '/prices/XAUUSD/history?from=2026-11-23T10:00:00Z&to=2026-11-22T10:00:00Z',
    );
    expect(reversed.status).toBe(400);
    expect((await marketData.get('/prices/XAUUSD/history?limit=0')).status).toBe(400);
    expect((await marketData.get('/prices/XAUUSD/history?extra=1')).status).toBe(400);
    expect((await scheduler.post('/jobs/no.such-job/run')).status).toBe(404);
  });

  it('records the run as completed and shows it in GET /jobs; POST /jobs/:name/run fires a manual run', async () => {
    await expectEventually(async () => {
      const jobs = await scheduler.get<{ name: string; lastStatus: string; nextRunAt: string }[]>('/jobs');
      const refresh = jobs.body.find((job) => job.name === 'market-data.refresh-prices')!;
      expect(refresh.lastStatus).toBe('completed');
      expect(Date.parse(refresh.nextRunAt)).toBeGreaterThan(Date.now() - 1000);
    }, 20_000);
    const fired = await scheduler.post<{ runId: string }>('/jobs/market-data.refresh-prices/run');
    expect(fired.status).toBe(202);
    await expectEventually(async () => {
      const runs = await scheduler.get<
        { id: string; status: string; trigger: string; counts: Record<string, number> }[]
      >('/jobs/market-data.refresh-prices/runs?limit=50');
      const manual = runs.body.find((run) => run.id === fired.body.runId);
      expect(manual).toMatchObject({ status: 'completed', trigger: 'manual' });
    }, 20_000);
  });

  it('skips a tick that arrives after it expired, and says so in job.completed', async () => {
    const outcomes = collect(nc, `${namespace}.job.completed`);
    await nc.flush();
    const runId = randomUUID();
    const tick = buildEvent(
      Tick,
      {
        runId,
        service: 'market-data',
        job: 'refresh-prices',
        scheduledFor: '2026-11-23T00:00:00.000Z',
        firedAt: '2026-11-23T00:00:00.010Z',
        expiresAt: '2026-11-23T00:01:00.000Z',
        manual: false,
      },
      'scheduler',
      { id: runId },
    );
    await jetstream(nc).publish(`${namespace}.${tick.subject}`, JSON.stringify(tick.envelope), {
      msgID: runId,
    });
    const outcome = await expectEventually(() => {
      const found = outcomes
        .map((message) => message.json<EventEnvelope<{ runId: string; skipped?: string; counts: object }>>())
        .find((envelope) => envelope.data.runId === runId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(outcome.data).toMatchObject({ skipped: 'expired', counts: {} });
    expect(prices.some((message) => message.json<EventEnvelope>().causationId === runId)).toBe(false);
  });

  it('npm run job fires a job once, waits for its outcome and exits 0; unknown or unanswered jobs exit non-zero', async () => {
    const cli = 'services/scheduler/src/cli/run-job.ts';
    const env = { NATS_URL, MESSAGING_NAMESPACE: namespace };
    const ok = await runTsScript(cli, ['market-data.refresh-prices', '--timeout', '20'], env);
    expect(ok.stdout).toMatch(/completed\s+market-data.refresh-prices\s+\d+ ms \{"updated":\d+/);
    expect(ok.code).toBe(0);
    // --all fires every enabled job; only these three services run here, so the others' jobs are off.
    const running = new Set(['scheduler', 'market-data', 'predictions']);
    const elsewhere = DEFAULT_SCHEDULE.filter((job) => job.enabled && !running.has(job.service));
    const all = await runTsScript(cli, ['--all', '--timeout', '60'], {
      ...env,
      SCHEDULER_DISABLED_JOBS: elsewhere.map((job) => job.name).join(','),
    });
    expect(all.code).toBe(0);
    const unknown = await runTsScript(cli, ['no.such-job'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown job\(s\): no.such-job/);
    const unanswered = await runTsScript(cli, ['news.fetch', '--timeout', '2'], env);
    expect(unanswered.code).toBe(1);
    expect(unanswered.stdout).toMatch(/timeout\s+news.fetch\s+no outcome within 2 s: is news running\?/);
  });

  it('reports the outbox backlog and each durable consumer backlog in /metrics', async () => {
    const metrics = await marketData.get<string>('/metrics');
    expect(metrics.body).toMatch(
      /^marketpulse_consumer_pending_messages\{consumer="market-data__tick_market-data_refresh-prices"\} \d+$/m,
    );
  });

  it('verifies a prediction from the prices market-data publishes', async () => {
    const alice = { authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'alice')}` };
    const body = (start: number) => ({
      symbol: 'BTCUSD',
      question: 'Bitcoin in a few seconds?',
      options: [
        { label: 'Down', condition: 'price_change_percent < 0' },
        { label: 'Flat or up', condition: 'price_change_percent >= 0' },
      ],
      votingDeadline: new Date(start + 3000).toISOString(),
      verifyAt: new Date(start + 6000).toISOString(),
    });
    // The predictions service learns BTCUSD's price from price.updated, not from market-data's tables.
    const created = await expectEventually(async () => {
      const response = await predictions.post<{ id: string; verifyAt: string }>(
        '/predictions',
        body(Date.now()),
        alice,
      );
      expect(response.status).toBe(201);
      return response.body;
    }, 20_000);
    expect((await predictions.post(`/predictions/${created.id}/votes`, { option: 2 }, alice)).status).toBe(
      200,
    );
    // The next refresh after verifyAt, then the sweep (the CLI fires it as an operator would).
    await expectEventually(() => {
      const after = prices
        .map((message) => message.json<EventEnvelope<{ symbol: string; asOf: string }>>().data)
        .filter(
          (price) => price.symbol === 'BTCUSD' && Date.parse(price.asOf) >= Date.parse(created.verifyAt),
        );
      expect(after.length).toBeGreaterThan(0);
    }, 20_000);
    const cli = 'services/scheduler/src/cli/run-job.ts';
    const env = { NATS_URL, MESSAGING_NAMESPACE: namespace };
    expect((await runTsScript(cli, ['predictions.sweep-due', '--timeout', '20'], env)).code).toBe(0);
    const verified = await expectEventually(async () => {
      const found = await predictions.get<{ status: string; outcome: { priceAtVerifyAsOf: string } }>(
        `/predictions/${created.id}`,
      );
      expect(found.body.status).toBe('verified');
      return found.body;
    });
    // The deciding price is one market-data published, at or before verifyAt.
    const published = prices
      .map((message) => message.json<EventEnvelope<{ symbol: string; asOf: string }>>().data)
      .filter((price) => price.symbol === 'BTCUSD')
      .map((price) => price.asOf);
    expect(published).toContain(verified.outcome.priceAtVerifyAsOf);
    expect(Date.parse(verified.outcome.priceAtVerifyAsOf)).toBeLessThanOrEqual(Date.parse(created.verifyAt));
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    for (const service of [scheduler, marketData, predictions]) {
      expect((await service.get('/health/live')).status).toBe(200);
      const ready = await service.get<{ status: string }>('/health/ready');
      expect(ready).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready' }) });
      const metrics = await service.get<string>('/metrics');
      expect(metrics.body).toContain('marketpulse_events_published_total');
      expect(metrics.body).toMatch(/^marketpulse_outbox_pending_rows \d+$/m);
      expect((await service.get<{ openapi: string }>('/openapi.json')).body.openapi).toMatch(/^3\./);
    }
  });
});
