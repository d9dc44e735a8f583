import { JobFailed, JobCompleted, type EventEnvelope, type JobFailingV1 } from '@marketpulse/contracts';
import { buildEvent } from '@marketpulse/messaging';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, type Msg, type NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { SchedulerConfig } from '../src/scheduler.config';

describe('scheduler (real NATS, real PostgreSQL)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let nc: NatsConnection;
  let env: Record<string, string>;
  const replicas: RunningService<SchedulerConfig>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
    const jobsFile = join(mkdtempSync(join(tmpdir(), 'mp-jobs-')), 'jobs.json');
    writeFileSync(
      jobsFile,
      JSON.stringify([
        { name: 'market-data.refresh-prices', enabled: false },
        { name: 'test.every-second', schedule: '* * * * * *', description: 'fires every second' },
      ]),
    );
    env = {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      SCHEDULER_JOBS_FILE: jobsFile,
      SCHEDULER_FAILURE_THRESHOLD: '3',
      OUTBOX_POLL_INTERVAL_MS: '100',
    };
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('two scheduler instances running at once fire each slot exactly once', async () => {
    const ticks: Msg[] = collect(nc, `${namespace}.tick.test.every-second`);
    await nc.flush();
    const start = (instance: string) =>
      startService(
        SchedulerConfig,
        (config) => AppModule.forRoot(config),
        { ...env, INSTANCE_ID: instance },
        'scheduler',
      );
    replicas.push(...(await Promise.all([start('a'), start('b')])));
    await expectEventually(() => {
      const slots = new Set(
        ticks.map((tick) => tick.json<EventEnvelope<{ scheduledFor: string }>>().data.scheduledFor),
      );
      expect(slots.size).toBeGreaterThanOrEqual(5);
    }, 20_000);
    await Promise.all(replicas.map((replica) => replica.close()));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const perSlot = new Map<string, number>();
    for (const tick of ticks) {
      const slot = tick.json<EventEnvelope<{ scheduledFor: string }>>().data.scheduledFor;
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    }
    // A core subscriber sees every publish, so this also proves no replica published a duplicate.
    expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
    const slots = [...perSlot.keys()].sort();
    for (let index = 1; index < slots.length; index++) {
      expect(Date.parse(slots[index]) - Date.parse(slots[index - 1])).toBe(1000);
    }
    const db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    try {
      const rows: { scheduled_for: Date; runs: number; instances: string }[] = await db.query(
        `SELECT scheduled_for, count(*)::int AS runs, string_agg(instance, ',') AS instances
           FROM scheduler.job_runs WHERE job = 'test.every-second' GROUP BY scheduled_for`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(slots.length);
      expect(rows.every((row) => row.runs === 1)).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it('records outcomes, counts consecutive failures and publishes job.failing once at the threshold', async () => {
    const scheduler = await startService(
      SchedulerConfig,
      (config) => AppModule.forRoot(config),
      env,
      'scheduler',
    );
    replicas.push(scheduler);
    const failing = collect(nc, `${namespace}.job.failing`);
    await nc.flush();
    const js = jetstream(nc);
    const report = async (failed: boolean, minute: number) => {
      const base = {
        runId: randomUUID(),
        service: 'news',
        job: 'fetch',
        scheduledFor: new Date(Date.UTC(2026, 10, 23, 9, minute)).toISOString(),
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: 5,
        instance: 'news-1',
      };
      const event = failed
        ? buildEvent(JobFailed, { ...base, error: `feed timeout ${minute}` }, 'news')
        : buildEvent(JobCompleted, { ...base, counts: { fetched: 3 } }, 'news');
      const headers = natsHeaders();
      await js.publish(`${namespace}.${event.subject}`, JSON.stringify(event.envelope), {
        msgID: event.envelope.id,
        headers,
      });
      return base.runId;
    };
    for (const minute of [1, 2, 3, 4]) await report(true, minute);
    await expectEventually(async () => {
      const job = await scheduler.get<{ consecutiveFailures: number; lastStatus: string }>(
        '/jobs/news.fetch',
      );
      expect(job.body).toMatchObject({ consecutiveFailures: 4, lastStatus: 'failed' });
    });
    expect(failing).toHaveLength(1);
    const alarm = failing[0].json<EventEnvelope<JobFailingV1>>().data;
    expect(alarm).toMatchObject({
      service: 'news',
      job: 'fetch',
      consecutiveFailures: 3,
      lastError: 'feed timeout 3',
    });
    expect(alarm.since).toBe('2026-11-23T09:01:00.000Z');

    const completedRun = await report(false, 5);
    await expectEventually(async () => {
      const job = await scheduler.get<{
        consecutiveFailures: number;
        lastStatus: string;
        lastRun: { id: string };
      }>('/jobs/news.fetch');
      expect(job.body).toMatchObject({
        consecutiveFailures: 0,
        lastStatus: 'completed',
        lastRun: { id: completedRun },
      });
    });
    const runs = await scheduler.get<{ status: string }[]>('/jobs/news.fetch/runs');
    expect(runs.body.map((run) => run.status)).toEqual(['completed', 'failed', 'failed', 'failed', 'failed']);
    expect((await scheduler.get('/jobs/news.fetch/runs?limit=abc')).status).toBe(400);
  });
});
