/**
 * Outbox → JetStream → consumer (with inbox) against a raw JetStream publish/consume loop, in one process,
 * on this machine's NATS and PostgreSQL. The producing and the consuming service are separate processes, as
 * in production. Prints throughput and latency; `npm run bench` (or `make bench`). Three consumers: the
 * set-based handler the services use for frequent events (inbox.batch: one statement for a delivery's
 * events), a handler per event sharing group commits (inbox.onceGrouped), and one in strict order.
 * BENCH_EVENTS (default 20000) sets the throughput run size, BENCH_RATE_SECONDS (default 10) the paced run,
 * BENCH_PIPELINES (default all) which pipelines run after the raw loop.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { PriceUpdated, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, buildEvent } from '@marketpulse/messaging';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase, testNamespace } from '../test/support/infrastructure';
import { deleteNamespaceStreams } from '../test/support/nats-client';
import { ProbeConfig } from '../test/support/probe/probe.config';
import { startService } from '../test/support/service-harness';
import { ProbeModule } from '../test/support/probe/probe.module';
import { BENCH_CONCURRENCY, type BenchMode } from './support/bench.module';
import { format, paced, percentile } from './support/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = 1000;
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const IN_FLIGHT = 256;
const ALL_MODES: readonly BenchMode[] = ['set-based', 'concurrent', 'sequential'];
/** BENCH_PIPELINES=set-based,concurrent runs only those after the raw loop (default: all three). */
const MODES = (process.env.BENCH_PIPELINES?.split(',') ?? ALL_MODES).filter((mode): mode is BenchMode =>
  ALL_MODES.includes(mode as BenchMode),
);

interface Result {
  name: string;
  throughput: number;
  publishRate?: number;
  p50?: number;
  p99?: number;
}

const quote = (index: number): PriceUpdatedV1 => ({
  symbol: `S${index % 50}`,
  price: `${1000 + (index % 997)}.2500`,
  currency: 'USD',
  asOf: new Date().toISOString(),
  source: 'bench',
  synthetic: true,
});

async function raw(): Promise<Result> {
  const namespace = testNamespace();
  const nc = await connect({ servers: NATS_URL.split(',') });
  const jsm = await jetstreamManager(nc);
  const stream = `${namespace.toUpperCase()}_RAW`;
  await jsm.streams.add({ name: stream, subjects: [`${namespace}.>`] });
  await jsm.consumers.add(stream, {
    durable_name: 'raw',
    ack_policy: AckPolicy.Explicit,
    max_ack_pending: 10_000,
  });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(stream, 'raw');
  const latencies: number[] = [];
  let received = 0;
  let onReceived: () => void = () => undefined;
  const messages = await consumer.consume({ max_messages: 1000 });
  void (async () => {
    for await (const message of messages) {
      const sentAt = Number(message.headers?.get('Bench-Sent-At'));
      latencies.push(performance.timeOrigin + performance.now() - sentAt);
      message.ack();
      received++;
      onReceived();
    }
  })();
  const publish = (index: number) => {
    const event = buildEvent(PriceUpdated, quote(index), 'bench');
    const headers = natsHeaders();
    headers.set('Bench-Sent-At', String(performance.timeOrigin + performance.now()));
    return js.publish(`${namespace}.${event.subject}`, JSON.stringify(event.envelope), {
      msgID: event.envelope.id,
      headers,
    });
  };
  const allReceived = (target: number) =>
    new Promise<void>((resolve) => {
      onReceived = () => received >= target && resolve();
      onReceived();
    });

  // Throughput: async publish with a bounded window, consume + ack concurrently.
  const started = performance.now();
  const window = new Set<Promise<unknown>>();
  for (let index = 0; index < EVENTS; index++) {
    const pending = publish(index).finally(() => window.delete(pending));
    window.add(pending);
    if (window.size >= IN_FLIGHT) await Promise.race(window);
  }
  await Promise.all(window);
  const published = performance.now();
  await allReceived(EVENTS);
  const finished = performance.now();
  const throughput = EVENTS / ((finished - started) / 1000);
  const publishRate = EVENTS / ((published - started) / 1000);

  // Latency at a steady 1,000 events/s.
  latencies.length = 0;
  const base = received;
  let index = EVENTS;
  await paced(RATE, RATE_SECONDS, async (count) => {
    await Promise.all(Array.from({ length: count }, () => publish(index++)));
  });
  await allReceived(base + RATE * RATE_SECONDS);
  messages.stop();
  await jsm.streams.delete(stream);
  await nc.close();
  return {
    name: 'raw JetStream publish → pull consume + ack',
    throughput,
    publishRate,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Consumer processes still running, ended if the bench fails so none is left behind. */
const children = new Set<ReturnType<typeof fork>>();

/** The consuming service runs in a child process, as a separate service would. */
async function startConsumer(env: Record<string, string>, mode: BenchMode) {
  const child = fork(join(__dirname, 'support', 'consumer-process.ts'), [], {
    execArgv: [
      // BENCH_CPU_PROF=<dir> writes the consumer's V8 CPU profile there (the bench's own: node --cpu-prof).
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
    ],
    env: { ...process.env, ...env, BENCH_MODE: mode },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bench consumer exited with ${code}`)));
  });
  return {
    /** Resolves with the latencies once `count` more events were handled. */
    expect: (count: number) =>
      new Promise<number[]>((resolve) => {
        child.once('message', (message: { done: number[] }) => resolve(message.done));
        child.send({ expect: count });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ stop: true });
      }),
  };
}

async function pipeline(mode: BenchMode): Promise<Result> {
  const namespace = testNamespace();
  const database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, NATS_URL, MESSAGING_NAMESPACE: namespace };
  const consumer = await startConsumer(env, mode);
  const producer = await startService(
    ProbeConfig,
    (config) => ProbeModule.forRoot(config, { consume: false }),
    {
      ...env,
      DATABASE_POOL_SIZE: '20',
    },
  );
  // A failed run still removes its streams (each reserves gigabytes of the server's JetStream storage).
  try {
    return await measure(mode, producer, consumer);
  } finally {
    await producer.close();
    await consumer.stop();
    await deleteNamespaceStreams(namespace);
    await database.drop();
  }
}

async function measure(
  mode: BenchMode,
  producer: Awaited<ReturnType<typeof startService<ProbeConfig>>>,
  consumer: Awaited<ReturnType<typeof startConsumer>>,
): Promise<Result> {
  const dataSource = producer.app.get(DataSource);
  const outbox = producer.app.get(OutboxPublisher);
  const write = (from: number, count: number) =>
    dataSource.transaction((manager) =>
      outbox.publishAllInTransaction(
        manager,
        Array.from({ length: count }, (_, offset) => ({
          contract: PriceUpdated,
          payload: quote(from + offset),
        })),
      ),
    );

  // Throughput: the producer commits batches of 100 events as fast as it can, 4 at a time.
  const batch = 100;
  let arrived = consumer.expect(EVENTS);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < EVENTS) {
        const from = next;
        next += batch;
        await write(from, Math.min(batch, EVENTS - from));
      }
    }),
  );
  await arrived;
  const throughput = EVENTS / ((performance.now() - started) / 1000);

  // Latency at a steady 1,000 events/s, one event per transaction (a state change and its event).
  arrived = consumer.expect(RATE * RATE_SECONDS);
  let index = EVENTS;
  let failed: { error: unknown } | undefined;
  await paced(RATE, RATE_SECONDS, async (count) => {
    await Promise.all(Array.from({ length: count }, () => write(index++, 1))).catch((error: unknown) => {
      failed ??= { error };
    });
  });
  // On a saturated machine the producer itself cannot commit 1,000 single-event transactions a second:
  // the latency columns then say so, and the throughput run above still stands.
  const latencies = failed ? [] : await arrived;
  if (failed) {
    const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
    process.stdout.write(
      `[bench] ${mode}: the producer fell behind ${RATE} commits/s (${reason}); no latency\n`,
    );
  }
  const concurrency = {
    concurrent: `handler per event, concurrency ${BENCH_CONCURRENCY}`,
    'set-based': `set-based handler, concurrency ${BENCH_CONCURRENCY}`,
    sequential: 'in order, concurrency 1',
  }[mode];
  const result: Result = {
    name: `outbox → JetStream → consumer + inbox (${concurrency})`,
    throughput,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
  return result;
}

async function main(): Promise<void> {
  process.stdout.write(
    `[bench] ${EVENTS} events for throughput; ${RATE} events/s for ${RATE_SECONDS} s for latency\n`,
  );
  const rawResult = await raw();
  const results = [rawResult];
  for (const mode of MODES) results.push(await pipeline(mode));
  const rows = results.map((result) =>
    [
      result.name.padEnd(62),
      format(result.throughput, 0).padStart(8),
      (result.publishRate ? format(result.publishRate, 0) : '').padStart(9),
      format(result.p50 ?? NaN).padStart(8),
      format(result.p99 ?? NaN).padStart(8),
      format(result.throughput / rawResult.publishRate!, 2).padStart(7),
    ].join(' '),
  );
  process.stdout.write(
    `\n${'pipeline'.padEnd(62)} ${'events/s'.padStart(8)} ${'publish/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'÷ raw'.padStart(7)}\n`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
  process.stdout.write(
    `\n(÷ raw = events/s over the raw JetStream publish rate; latency measured at ${RATE} events/s, publish → handler done)\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    children.forEach((child) => child.kill());
    process.exit(1);
  },
);
