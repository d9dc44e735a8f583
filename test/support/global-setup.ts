import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DATABASE_URL, NATS_URL } from './infrastructure';

/** Fails the run at once, with the fix, when NATS or PostgreSQL is not there (`make test` starts them). */
export default async function globalSetup(): Promise<void> {
  try {
    const nc = await connect({ servers: NATS_URL.split(','), timeout: 3000 });
    await deleteStaleTestStreams(nc);
    await nc.close();
  } catch (error) {
    throw new Error(
      `integration tests need NATS with JetStream at ${NATS_URL} (run make test): ${(error as Error).message}`,
    );
  }
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    // Databases left behind by a killed test run or bench: only old ones, since a run or bench going on
    // at the same time may hold one it is not connected to at this moment.
    const leftovers: { datname: string }[] = (
      await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'mp_test_%'`)
    ).rows;
    for (const { datname } of leftovers.filter(({ datname }) => isStaleTestDatabase(datname)))
      await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  } catch (error) {
    throw new Error(
      `integration tests need PostgreSQL at ${DATABASE_URL} (run make test): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `mp_test_<epoch seconds>_<hex>` older than STALE_AFTER_MS, or one named before names carried a time. */
function isStaleTestDatabase(name: string): boolean {
  const created = /^mp_test_(\d+)_[0-9a-f]+$/.exec(name);
  return !created || Date.now() - Number(created[1]) * 1000 > STALE_AFTER_MS;
}

/** A test namespace's streams and KV buckets (`testNamespace()`: t + 8 hex digits, upper-cased). */
const TEST_STREAM = /^(KV_)?T[0-9A-F]{8}_/;
/** Older than any run: a run going on at the same time keeps its streams. */
const STALE_AFTER_MS = 30 * 60 * 1000;

/**
 * Streams left behind by a killed test run or bench. Each namespace reserves its streams' max_bytes
 * (about 12 GiB) of JetStream's storage, so a few leaked ones make every later stream creation fail
 * with "insufficient storage resources available".
 */
async function deleteStaleTestStreams(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const stale: string[] = [];
  for await (const stream of jsm.streams.list()) {
    const age = Date.now() - Date.parse(stream.created);
    if (TEST_STREAM.test(stream.config.name) && age > STALE_AFTER_MS) stale.push(stream.config.name);
  }
  for (const name of stale) await jsm.streams.delete(name).catch(() => undefined);
}
