import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePredictions1795392000002 implements MigrationInterface {
  name = 'CreatePredictions1795392000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE predictions.predictions (
        id                    uuid PRIMARY KEY,
        symbol                varchar(32) NOT NULL,
        question              text NOT NULL,
        mode                  varchar(8) NOT NULL CHECK (mode IN ('auto', 'manual')),
        status                varchar(10) NOT NULL DEFAULT 'active'
                                CHECK (status IN ('active', 'closed', 'verified', 'void', 'cancelled')),
        created_by            varchar(128) NOT NULL,
        created_at            timestamptz NOT NULL,
        voting_deadline       timestamptz NOT NULL,
        verify_at             timestamptz NOT NULL,
        price_at_create       numeric(24, 8) NOT NULL CHECK (price_at_create > 0),
        price_at_create_as_of timestamptz NOT NULL,
        currency              char(3) NOT NULL,
        price_at_verify       numeric(24, 8),
        price_at_verify_as_of timestamptz,
        change_percent        numeric(14, 2),
        winning_option        smallint,
        status_reason         text,
        ended_at              timestamptz,
        due_attempts          integer NOT NULL DEFAULT 0,
        next_due_at           timestamptz,
        CHECK (voting_deadline > created_at AND verify_at >= voting_deadline),
        CHECK ((status = 'verified') = (winning_option IS NOT NULL))
      )`);
    // The sweep's two questions: whose voting closed, and who is due (open predictions only).
    await runner.query(`
      CREATE INDEX predictions_open_deadline_idx ON predictions.predictions (voting_deadline)
        WHERE status = 'active'`);
    await runner.query(`
      CREATE INDEX predictions_open_verify_idx ON predictions.predictions (verify_at)
        WHERE status IN ('active', 'closed')`);
    await runner.query(
      `CREATE INDEX predictions_symbol_status_idx ON predictions.predictions (symbol, status, verify_at)`,
    );
    await runner.query(`
      CREATE TABLE predictions.prediction_options (
        prediction_id uuid NOT NULL REFERENCES predictions.predictions (id) ON DELETE CASCADE,
        option        smallint NOT NULL CHECK (option BETWEEN 1 AND 6),
        label         varchar(200) NOT NULL,
        condition     varchar(500) NOT NULL,
        PRIMARY KEY (prediction_id, option)
      )`);
    // One row per (prediction, user): voting again changes the row, so a vote cannot be counted twice.
    await runner.query(`
      CREATE TABLE predictions.votes (
        prediction_id uuid NOT NULL,
        user_id       varchar(128) NOT NULL,
        option        smallint NOT NULL,
        cast_at       timestamptz NOT NULL,
        changed_at    timestamptz,
        PRIMARY KEY (prediction_id, user_id),
        FOREIGN KEY (prediction_id, option) REFERENCES predictions.prediction_options (prediction_id, option)
      )`);
    await runner.query(`CREATE INDEX votes_user_idx ON predictions.votes (user_id, prediction_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE predictions.votes');
    await runner.query('DROP TABLE predictions.prediction_options');
    await runner.query('DROP TABLE predictions.predictions');
  }
}
