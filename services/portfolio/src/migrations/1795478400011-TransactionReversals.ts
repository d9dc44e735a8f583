import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a deleted transaction was, and when (by ledger seq) it stopped counting. `transactions` stays the
 * live ledger; a snapshot taken before the delete still holds the deleted buy or sale in its value, and
 * without a record of the delete the drop (or rise) to the next value reads as a loss (or gain). A delete
 * copies the row's ledger fields here with a new `seq` from the transactions' own sequence, taken under
 * the portfolio's row lock like theirs, so "seq ≤ ledger_seq" still says what a snapshot saw.
 * Deletions before this migration left no trace and cannot be recovered.
 */
export class TransactionReversals1795478400011 implements MigrationInterface {
  name = 'TransactionReversals1795478400011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio.transaction_reversals (
        transaction_id  uuid PRIMARY KEY,
        portfolio_id    uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        seq             bigint NOT NULL DEFAULT nextval('portfolio.transactions_seq_seq'),
        original_seq    bigint NOT NULL,
        type            varchar(12) NOT NULL,
        trade_date      date NOT NULL,
        symbol          varchar(32),
        quantity        numeric(28, 10),
        price           numeric(24, 8),
        amount          numeric(28, 8),
        currency        char(3) NOT NULL,
        fees            numeric(28, 8) NOT NULL,
        deleted_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (seq > original_seq)
      )`);
    await runner.query(
      'CREATE INDEX transaction_reversals_portfolio_idx ON portfolio.transaction_reversals (portfolio_id, seq)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portfolio.transaction_reversals');
  }
}
