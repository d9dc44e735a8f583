import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUserStats1795392000003 implements MigrationInterface {
  name = 'CreateUserStats1795392000003';

  async up(runner: QueryRunner): Promise<void> {
    // One scored vote of a verified prediction: the vote's mark, correct or not. The key is the streak
    // order itself (a prediction has one verifyAt, so it is also unique per user and prediction).
    await runner.query(`
      CREATE TABLE predictions.user_results (
        user_id       varchar(128) NOT NULL,
        verify_at     timestamptz NOT NULL,
        prediction_id uuid NOT NULL,
        correct       boolean NOT NULL,
        PRIMARY KEY (user_id, verify_at, prediction_id)
      )`);
    // Users whose stats must be recomputed: appended by the verifying transaction, drained by the
    // refresher. Append-only, so a verification never waits for the refresher (and a mark committed
    // while the refresher runs is simply there for its next pass).
    await runner.query(`
      CREATE TABLE predictions.stats_dirty (
        seq       bigserial PRIMARY KEY,
        user_id   varchar(128) NOT NULL,
        marked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE predictions.user_stats (
        user_id        varchar(128) PRIMARY KEY,
        participations integer NOT NULL,
        correct        integer NOT NULL,
        accuracy       numeric(5, 2) NOT NULL,
        current_streak integer NOT NULL,
        max_streak     integer NOT NULL,
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
