/**
 * 10,000 predictions falling due in the same minute, 1,000,000 votes between 100,000 users: one sweep
 * tick, then the predictions service (as it runs in production: outbox, JetStream, batched verifier,
 * stats refresher) verifies them all, scores every vote and recomputes every voter's stats and streaks.
 * Beside it, a naive row-at-a-time verifier (a query per vote, stats incremented per vote) is timed on a
 * 1 % sample and scaled up, for the ratio. `npm run bench:predictions`.
 * BENCH_PREDICTIONS (default 10000), BENCH_VOTES_PER_PREDICTION (default 100), BENCH_USERS (default 100000).
 */
import 'reflect-metadata';
import { Tick } from '@marketpulse/contracts';
import { buildDataSourceOptions, runMigrations } from '@marketpulse/database';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase, testNamespace } from '../test/support/infrastructure';
import { deleteNamespaceStreams } from '../test/support/nats-client';
import { publishEvent } from '../test/support/publish-event';
import { startService } from '../test/support/service-harness';
import { AppModule } from '../services/predictions/src/app.module';
import { PredictionsConfig } from '../services/predictions/src/predictions.config';
import { predictionsDatabase } from '../services/predictions/src/predictions.database';
import { format } from './support/stats';

const PREDICTIONS = Number(process.env.BENCH_PREDICTIONS ?? 10_000);
const VOTES_PER_PREDICTION = Number(process.env.BENCH_VOTES_PER_PREDICTION ?? 100);
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const NAIVE_SAMPLE = Math.max(1, Math.round(PREDICTIONS / 100));
const SYMBOLS = 50;

/**
 * Predictions due a minute ago with a fresh price each, and votes spread so that every user votes about
 * PREDICTIONS × VOTES_PER_PREDICTION / USERS times. Set-based seeding: this is set-up, not the measurement.
 */
async function seed(db: DataSource, predictions: number, verifyAt: Date): Promise<void> {
  // A version-4-shaped uuid per prediction number, so options and votes can refer to it by number (the
  // bench database is thrown away afterwards).
  await db.query(
    `CREATE OR REPLACE FUNCTION public.bench_prediction_id(n bigint) RETURNS uuid IMMUTABLE LANGUAGE sql
       AS $$ SELECT overlay(overlay(md5('p' || n) placing '4' from 13) placing '8' from 17)::uuid $$`,
  );
  const created = new Date(verifyAt.getTime() - 3600_000);
  await db.query(
    `INSERT INTO price_observations (symbol, as_of, price, currency, synthetic)
     SELECT 'S' || s, $1::timestamptz, 1000 + s, 'USD', true FROM generate_series(0, $3 - 1) s
     UNION ALL
     SELECT 'S' || s, $2::timestamptz - interval '60 seconds', (1000 + s) * (1 + ((s % 7) - 3) / 200.0), 'USD', true
       FROM generate_series(0, $3 - 1) s`,
    [created, verifyAt, SYMBOLS],
  );
  await db.query(
    `INSERT INTO predictions (id, symbol, question, mode, status, created_by, created_at, voting_deadline, verify_at,
                              price_at_create, price_at_create_as_of, currency)
     SELECT public.bench_prediction_id(n), 'S' || (n % $4), 'bench ' || n, 'auto', 'closed', 'bench', $1::timestamptz,
            $1::timestamptz + interval '30 minutes', $2::timestamptz - (n % 50) * interval '1 second',
            1000 + (n % $4), $1::timestamptz, 'USD'
       FROM generate_series(0, $3 - 1) n`,
    [created, verifyAt, predictions, SYMBOLS],
  );
  await db.query(
    `INSERT INTO prediction_options (prediction_id, option, label, condition)
     SELECT public.bench_prediction_id(n), o.option, o.label, o.condition
       FROM generate_series(0, $1 - 1) n,
            (VALUES (1, 'Down', 'price_change_percent < 0'),
                    (2, 'Up to 1 %', 'price_change_percent >= 0 AND price_change_percent < 1'),
                    (3, 'More', 'price_change_percent >= 1')) AS o(option, label, condition)`,
    [predictions],
  );
  await db.query(
    `INSERT INTO votes (prediction_id, user_id, option, cast_at)
     SELECT public.bench_prediction_id(n), 'u' || ((n + k * ($3 / $2)) % $3), 1 + ((n * 7 + k * 13) % 3), $4::timestamptz
       FROM generate_series(0, $1 - 1) n, generate_series(0, $2 - 1) k`,
    [predictions, VOTES_PER_PREDICTION, USERS, created],
  );
  await db.query('ANALYZE');
}

async function count(db: DataSource, sql: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(sql);
  return n;
}

/** The service, end to end, from one sweep tick. */
async function setBased(): Promise<{ verifiedMs: number; statsMs: number }> {
  const namespace = testNamespace();
  const database = await createTestDatabase();
  const service = await startService(
    PredictionsConfig,
    (config) => AppModule.forRoot(config),
    {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    },
    'predictions',
  );
  try {
    const db = service.app.get(DataSource);
    const verifyAt = new Date(Date.now() - 60_000);
    process.stdout.write(
      `seeding ${PREDICTIONS} predictions, ${PREDICTIONS * VOTES_PER_PREDICTION} votes…\n`,
    );
    await seed(db, PREDICTIONS, verifyAt);
    const now = new Date();
    const start = performance.now();
    await publishEvent(service.app, Tick, {
      runId: randomUUID(),
      service: 'predictions',
      job: 'sweep-due',
      scheduledFor: now.toISOString(),
      firedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
      manual: true,
    });
    // Polling lightly (the bench shares the two cores with the service): open predictions through their
    // partial index, and the stats work list.
    let verifiedMs = 0;
    let progress = { open: -1, at: performance.now() };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const open = await count(
        db,
        `SELECT count(*)::int AS n FROM predictions WHERE status IN ('active', 'closed')`,
      );
      if (open !== progress.open) progress = { open, at: performance.now() };
      if (!verifiedMs && open === 0) verifiedMs = performance.now() - start;
      if (verifiedMs && (await count(db, 'SELECT count(*)::int AS n FROM stats_dirty')) === 0) break;
      if (performance.now() - progress.at > 60_000) {
        const [failed]: { body: string }[] = await db.query(
          `SELECT body FROM outbox WHERE subject = 'job.failed'`,
        );
        const [waiting]: { status_reason: string }[] = await db.query(
          `SELECT status_reason FROM predictions WHERE status_reason LIKE 'waiting%' LIMIT 1`,
        );
        throw new Error(
          `stalled with ${open} predictions open; ${failed ? `the sweep failed: ${failed.body}` : ''}${waiting ? `waiting: ${waiting.status_reason}` : ''}`,
        );
      }
    }
    const statsMs = performance.now() - start;
    const scored = await count(db, 'SELECT count(*)::int AS n FROM user_results');
    const participations = await count(
      db,
      'SELECT COALESCE(sum(participations), 0)::int AS n FROM user_stats',
    );
    const users = await count(db, 'SELECT count(*)::int AS n FROM user_stats');
    if (scored !== PREDICTIONS * VOTES_PER_PREDICTION || participations !== scored) {
      throw new Error(`lost work: ${scored} votes scored, ${participations} participations counted`);
    }
    process.stdout.write(
      `checked: ${scored} votes scored, ${users} users' stats, ${participations} participations\n`,
    );
    return { verifiedMs, statsMs };
  } finally {
    await service.close();
    await deleteNamespaceStreams(namespace);
    await database.drop();
  }
}

/** What a first version would do: one prediction, then one vote, then one user at a time. */
async function naive(): Promise<number> {
  const database = await createTestDatabase();
  const db = await new DataSource(buildDataSourceOptions(database.url, predictionsDatabase, 4)).initialize();
  try {
    await runMigrations(db, predictionsDatabase.schema);
    const verifyAt = new Date(Date.now() - 60_000);
    await seed(db, NAIVE_SAMPLE, verifyAt);
    const start = performance.now();
    const predictions: { id: string; symbol: string; verify_at: Date; price_at_create: string }[] =
      await db.query(
        `SELECT id, symbol, verify_at, price_at_create FROM predictions WHERE status = 'closed'`,
      );
    for (const prediction of predictions) {
      await db.transaction(async (manager) => {
        const [price]: { price: string }[] = await manager.query(
          `SELECT price FROM price_observations WHERE symbol = $1 AND as_of <= $2 ORDER BY as_of DESC LIMIT 1`,
          [prediction.symbol, prediction.verify_at],
        );
        const change =
          ((Number(price.price) - Number(prediction.price_at_create)) / Number(prediction.price_at_create)) *
          100;
        const winner = change < 0 ? 1 : change < 1 ? 2 : 3;
        await manager.query(`UPDATE predictions SET status = 'verified', winning_option = $2 WHERE id = $1`, [
          prediction.id,
          winner,
        ]);
        const votes: { user_id: string; option: number }[] = await manager.query(
          `SELECT user_id, option FROM votes WHERE prediction_id = $1`,
          [prediction.id],
        );
        for (const vote of votes) {
          const correct = vote.option === winner;
          await manager.query(
            `INSERT INTO user_results (user_id, verify_at, prediction_id, correct) VALUES ($1, $2, $3, $4)`,
            [vote.user_id, prediction.verify_at, prediction.id, correct],
          );
          const [stats]: {
            participations: number;
            correct: number;
            current_streak: number;
            max_streak: number;
          }[] = await manager.query(`SELECT * FROM user_stats WHERE user_id = $1 FOR UPDATE`, [vote.user_id]);
          const next = {
            participations: (stats?.participations ?? 0) + 1,
            correct: (stats?.correct ?? 0) + (correct ? 1 : 0),
            current: correct ? (stats?.current_streak ?? 0) + 1 : 0,
          };
          await manager.query(
            `INSERT INTO user_stats (user_id, participations, correct, accuracy, current_streak, max_streak, updated_at)
             VALUES ($1, $2::int, $3::int, round($3::int * 100.0 / $2::int, 2), $4, $4, now())
             ON CONFLICT (user_id) DO UPDATE SET participations = $2::int, correct = $3::int,
               accuracy = round($3::int * 100.0 / $2::int, 2),
               current_streak = $4, max_streak = greatest(user_stats.max_streak, $4), updated_at = now()`,
            [vote.user_id, next.participations, next.correct, next.current],
          );
        }
      });
    }
    return performance.now() - start;
  } finally {
    await db.destroy();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const naiveSampleMs = await naive();
  const naiveMs = naiveSampleMs * (PREDICTIONS / NAIVE_SAMPLE);
  const { verifiedMs, statsMs } = await setBased();
  process.stdout.write(
    [
      '',
      `${PREDICTIONS} predictions due, ${PREDICTIONS * VOTES_PER_PREDICTION} votes, ${USERS} users`,
      `  set-based (the service, end to end from the sweep tick)`,
      `    all verified, every vote scored      ${format(verifiedMs / 1000, 1)} s`,
      `    + every voter's stats and streaks    ${format(statsMs / 1000, 1)} s`,
      `  naive row-at-a-time (${NAIVE_SAMPLE} predictions timed: ${format(naiveSampleMs / 1000, 1)} s, scaled ×${PREDICTIONS / NAIVE_SAMPLE})`,
      `    estimated                             ${format(naiveMs / 1000, 1)} s`,
      `  naive ÷ set-based                      ${format(naiveMs / statsMs, 1)}×`,
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
