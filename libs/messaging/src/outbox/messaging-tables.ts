import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables, created in a service's own schema by its first migration.
 * `seq` orders the outbox; the partial index keeps the relay's "what is pending" query cheap however
 * many sent rows are retained.
 */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await runner.query(`
    CREATE TABLE "${schema}".outbox (
      seq        bigserial PRIMARY KEY,
      id         uuid NOT NULL UNIQUE,
      subject    text NOT NULL,
      body       text NOT NULL,
      headers    jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at    timestamptz,
      attempts   integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  await runner.query(`CREATE INDEX outbox_pending_idx ON "${schema}".outbox (seq) WHERE sent_at IS NULL`);
  await runner.query(
    `CREATE INDEX outbox_sent_at_idx ON "${schema}".outbox (sent_at) WHERE sent_at IS NOT NULL`,
  );
  await runner.query(`
    CREATE TABLE "${schema}".inbox (
      consumer   text NOT NULL,
      event_id   uuid NOT NULL,
      subject    text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  await runner.query(`CREATE INDEX inbox_handled_at_idx ON "${schema}".inbox (handled_at)`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE IF EXISTS "${schema}".inbox`);
  await runner.query(`DROP TABLE IF EXISTS "${schema}".outbox`);
}

/** The LISTEN/NOTIFY channel the outbox of a schema signals on commit. */
export function outboxChannel(schema: string): string {
  return `marketpulse_outbox_${schema}`;
}
