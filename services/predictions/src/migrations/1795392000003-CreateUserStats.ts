import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUserStats1795392000003 implements MigrationInterface {
  name = 'CreateUserStats1795392000003';

  async up(runner: QueryRunner): Promise<void> {
    // One scored vote of a verified prediction. `counted` once it is part of the user's settled history:
    // no prediction the user voted on with an earlier verifyAt is still open, so streaks computed over
    // counted rows never depend on the order verifications happened in.
    await runner.query(`
      CREATE TABLE predictions.user_results (
        user_id       varchar(128) NOT NULL,
        prediction_id uuid NOT NULL,
        verify_at     timestamptz NOT NULL,
        correct       boolean NOT NULL,
        counted       boolean NOT NULL DEFAULT false,
        PRIMARY KEY (user_id, prediction_id)
      )`);
    await runner.query(
      `CREATE INDEX user_results_order_idx ON predictions.user_results (user_id, verify_at, prediction_id)`,
    );
    await runner.query(
      `CREATE INDEX user_results_period_idx ON predictions.user_results (verify_at) WHERE counted`,
    );
    // Users whose stats must be recomputed; written in the verifying transaction, drained by the refresher.
    await runner.query(`
      CREATE TABLE predictions.stats_dirty (
        user_id    varchar(128) PRIMARY KEY,
        marked_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE predictions.user_stats (
        user_id        varchar(128) PRIMARY KEY,
        participations integer NOT NULL,
        correct        integer NOT NULL,
        accuracy       numeric(5, 2) NOT NULL,
        current_streak integer NOT NULL,
        max_streak     integer NOT NULL,
        pending        integer NOT NULL DEFAULT 0,
        updated_at     timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE predictions.user_milestones (
        user_id    varchar(128) NOT NULL,
        milestone  varchar(32) NOT NULL,
        reached_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, milestone)
      )`);
    await runner.query(`
      CREATE TABLE predictions.leaderboard_entries (
        period         varchar(8) NOT NULL,
        metric         varchar(8) NOT NULL,
        rank           integer NOT NULL,
        user_id        varchar(128) NOT NULL,
        participations integer NOT NULL,
        correct        integer NOT NULL,
        accuracy       numeric(5, 2) NOT NULL,
        max_streak     integer NOT NULL,
        period_start   timestamptz,
        computed_at    timestamptz NOT NULL,
        PRIMARY KEY (period, metric, rank)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE predictions.leaderboard_entries');
    await runner.query('DROP TABLE predictions.user_milestones');
    await runner.query('DROP TABLE predictions.user_stats');
    await runner.query('DROP TABLE predictions.stats_dirty');
    await runner.query('DROP TABLE predictions.user_results');
  }
}
