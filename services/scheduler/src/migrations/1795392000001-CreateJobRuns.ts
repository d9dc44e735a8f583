import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobRuns1795392000001 implements MigrationInterface {
  name = 'CreateJobRuns1795392000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scheduler.job_runs (
        id            uuid PRIMARY KEY,
        job           text NOT NULL,
        service       text NOT NULL,
        scheduled_for timestamptz NOT NULL,
        fired_at      timestamptz,
        trigger       text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        status        text NOT NULL CHECK (status IN ('fired', 'completed', 'failed', 'skipped')),
        started_at    timestamptz,
        finished_at   timestamptz,
        duration_ms   integer,
        counts        jsonb,
        error         text,
        instance      text
      )`);
    // One scheduled run per job and slot, whatever the number of scheduler replicas.
    await runner.query(
      `CREATE UNIQUE INDEX job_runs_slot_idx ON scheduler.job_runs (job, scheduled_for) WHERE trigger = 'schedule'`,
    );
    await runner.query(
      `CREATE INDEX job_runs_job_recent_idx ON scheduler.job_runs (job, scheduled_for DESC)`,
    );
    await runner.query(`
      CREATE TABLE scheduler.job_state (
        job                  text PRIMARY KEY,
        consecutive_failures integer NOT NULL DEFAULT 0,
        last_status          text,
        last_run_id          uuid,
        last_scheduled_for   timestamptz,
        last_finished_at     timestamptz,
        last_error           text,
        failing_since        timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE scheduler.job_state');
    await runner.query('DROP TABLE scheduler.job_runs');
  }
}
