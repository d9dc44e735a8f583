import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DATABASE_URL, NATS_URL } from './infrastructure';

/** Fails the run at once, with the fix, when NATS or PostgreSQL is not there (`make test` starts them). */
export default async function globalSetup(): Promise<void> {
  try {
    const nc = await connect({ servers: NATS_URL.split(','), timeout: 3000 });
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
    // Databases left behind by a killed test run (in use ones, of a run going on, refuse to drop).
    const stale: { datname: string }[] = (
      await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'mp_test_%'`)
    ).rows;
    for (const { datname } of stale)
      await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  } catch (error) {
    throw new Error(
      `integration tests need PostgreSQL at ${DATABASE_URL} (run make test): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
