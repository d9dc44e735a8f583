/**
 * The VC service on its bundled dataset (130 companies, 403 rounds, 24 funds with ~2,000 cash flows):
 * the full daily sync into an empty database, the same sync again (must change nothing), CSV imports of
 * synthetic rounds in 500-row files, and the latency of the analytics endpoints. `npm run bench:vc`. BENCH_VC_IMPORT_FILES (default 4),
 * BENCH_VC_REQUESTS (default 30 per endpoint).
 */
import 'reflect-metadata';
import { Tick, type EventEnvelope } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase, testNamespace } from '../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../test/support/nats-client';
import { publishEvent } from '../test/support/publish-event';
import { startService } from '../test/support/service-harness';
import { AppModule } from '../services/vc/src/app.module';
import { VcConfig } from '../services/vc/src/vc.config';
import { format, percentile } from './support/stats';

const IMPORT_FILES = Number(process.env.BENCH_VC_IMPORT_FILES ?? 4);
const ROWS_PER_FILE = 500;
const REQUESTS = Number(process.env.BENCH_VC_REQUESTS ?? 30);

type Outcome = EventEnvelope<{ runId: string; durationMs: number; counts: Record<string, number> }>;

async function main(): Promise<void> {
  const namespace = testNamespace();
  const database = await createTestDatabase();
  const nc = await plainClient();
  const outcomes: Msg[] = collect(nc, `${namespace}.job.>`);
  await nc.flush();
  const service = await startService(
    VcConfig,
    (config) => AppModule.forRoot(config),
    {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      VC_SYNC_ON_START: 'false',
      LOG_LEVEL: 'error',
    },
    'vc',
  );
  /** Fires a job as the scheduler would and waits for its job.completed (or job.failed). */
  const run = async (job: string): Promise<Outcome['data']> => {
    const runId = randomUUID();
    const now = new Date();
    await publishEvent(service.app, Tick, {
      runId,
      service: 'vc',
      job,
      scheduledFor: now.toISOString(),
      firedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 600_000).toISOString(),
      manual: true,
    });
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
      const message = outcomes.find((candidate) => candidate.json<Outcome>().data.runId === runId);
      if (message?.subject.endsWith('job.completed')) return message.json<Outcome>().data;
      if (message) throw new Error(`${job} failed: ${message.string()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${job} did not complete`);
  };
  try {
    const first = await run('sync');
    const rows = Object.entries(first.counts)
      .filter(([key]) => key.endsWith('Inserted'))
      .reduce((sum, [, value]) => sum + value, 0);
    const again = await run('sync');
    const changed = Object.entries(again.counts)
      .filter(([key]) => /(Inserted|Changed)$/.test(key))
      .reduce((sum, [, value]) => sum + value, 0);

    const db = service.app.get(DataSource);
    const companies: { id: string }[] = await db.query('SELECT id FROM companies ORDER BY id');
    const investors: { id: string }[] = await db.query('SELECT id FROM investors ORDER BY id');
    const header =
      'companyId,stage,announcedOn,amount,currency,preMoney,postMoney,leadInvestorId,investorIds';
    let imported = 0;
    const importStarted = performance.now();
    for (let file = 0; file < IMPORT_FILES; file++) {
      const lines = [header];
      for (let row = 0; row < ROWS_PER_FILE; row++) {
        const n = file * ROWS_PER_FILE + row;
        const day = new Date(Date.UTC(2030, 0, 1) + Math.floor(n / companies.length) * 86_400_000);
        const lead = investors[n % investors.length].id;
        const other = investors[(n + 7) % investors.length].id;
        const pre = 10_000_000 + n * 1000;
        lines.push(
          `${companies[n % companies.length].id},growth,${day.toISOString().slice(0, 10)},5000000.00,USD,` +
            `${pre}.00,${pre + 5_000_000}.00,${lead},${lead};${other}`,
        );
      }
      const response = await service.post<{ counts: { roundsInserted: number } }>('/imports/rounds', {
        format: 'csv',
        content: lines.join('\n'),
      });
      if (response.status !== 201) throw new Error(`import failed: ${JSON.stringify(response.body)}`);
      imported += response.body.counts.roundsInserted;
    }
    const importSeconds = (performance.now() - importStarted) / 1000;

    const timed = async (path: string, count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const response = await service.get(path);
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        times.push(performance.now() - started);
      }
      return times;
    };
    const [firstFunds] = await timed('/funds', 1);
    const report: [string, number[]][] = [];
    for (const path of [
      '/summary',
      '/landscape?by=sector',
      '/rounds?limit=50',
      '/investors/ranking?by=capital',
      '/funds',
      '/funds/benchmarks',
    ]) {
      report.push([path, await timed(path, REQUESTS)]);
    }

    process.stdout.write(
      [
        `vc bench (${rows} bundled rows, ${IMPORT_FILES} × ${ROWS_PER_FILE}-row CSV imports, ${REQUESTS} requests per endpoint)`,
        `  full sync into an empty database: ${format(first.durationMs / 1000)} s (${format(rows / (first.durationMs / 1000), 0)} rows/s)`,
        `  the same sync again: ${format(again.durationMs / 1000)} s, rows inserted or changed: ${changed} (must be 0)`,
        `  CSV import: ${imported} rounds in ${format(importSeconds)} s (${format(imported / importSeconds, 0)} rows/s)`,
        `  first GET /funds after the sync (returns precomputed behind the sync): ${format(firstFunds, 0)} ms`,
        ...report.map(
          ([path, times]) =>
            `  GET ${path}: p50 ${format(percentile(times, 50), 1)} ms, p95 ${format(percentile(times, 95), 1)} ms`,
        ),
      ].join('\n') + '\n',
    );
  } finally {
    await service.close();
    await nc.close();
    await deleteNamespaceStreams(namespace);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
