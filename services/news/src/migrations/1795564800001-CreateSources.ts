import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSources1795564800001 implements MigrationInterface {
  name = 'CreateSources1795564800001';

  async up(runner: QueryRunner): Promise<void> {
    // A source is data: operators add, pause and retune feeds through the API. The fetch status columns
    // are the source's health as the job last saw it; next_due_at carries both the poll interval and
    // the backoff of a failing source.
    await runner.query(`
      CREATE TABLE news.sources (
        id                    uuid PRIMARY KEY,
        name                  varchar(120) NOT NULL UNIQUE,
        url                   varchar(2000) NOT NULL,
        kind                  varchar(10) NOT NULL CHECK (kind IN ('rss', 'rdf', 'atom', 'jsonfeed', 'json-api')),
        default_category      varchar(16),
        enabled               boolean NOT NULL DEFAULT true,
        poll_interval_seconds integer NOT NULL CHECK (poll_interval_seconds BETWEEN 60 AND 604800),
        config                jsonb NOT NULL DEFAULT '{}',
        etag                  varchar(1000),
        last_modified         varchar(200),
        last_fetched_at       timestamptz,
        last_success_at       timestamptz,
        last_status           varchar(40),
        last_error            text,
        last_item_count       integer,
        consecutive_failures  integer NOT NULL DEFAULT 0,
        next_due_at           timestamptz NOT NULL DEFAULT now(),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX sources_due_idx ON news.sources (next_due_at) WHERE enabled`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE news.sources');
  }
}
