import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate of each transaction's currency to the portfolio's base currency when it was recorded (and
 * that base currency), and of each deletion when it was made: returns compare snapshot values, each
 * converted at the rate of its own day, with these flows, so a flow converted at today's rate reads a
 * currency move as a gain or a loss (see ADR 0012). Null when no rate joined the two currencies then;
 * rows recorded before this migration stay null and are converted at today's rate as before.
 * `numeric` without a scale keeps exactly what `fx_rate()` gave the snapshots (an inverse or a cross
 * through USD has more digits than a quoted rate).
 * Also indexes snapshots by ledger seq: reading a portfolio's reversals asks, per reversal, whether some
 * snapshot saw the transaction and not its deletion.
 */
export class TransactionBaseRates1795478400012 implements MigrationInterface {
  name = 'TransactionBaseRates1795478400012';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE portfolio.transactions
        ADD COLUMN base_rate numeric CHECK (base_rate > 0),
        ADD COLUMN base_currency char(3)`);
    // The original's rate (copied from the transaction) and the deletion's own.
    await runner.query(`
      ALTER TABLE portfolio.transaction_reversals
        ADD COLUMN base_rate numeric CHECK (base_rate > 0),
        ADD COLUMN base_currency char(3),
        ADD COLUMN deleted_base_rate numeric CHECK (deleted_base_rate > 0),
        ADD COLUMN deleted_base_currency char(3)`);
    await runner.query(
      'CREATE INDEX snapshots_portfolio_ledger_seq_idx ON portfolio.snapshots (portfolio_id, ledger_seq)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX portfolio.snapshots_portfolio_ledger_seq_idx');
    await runner.query(`
      ALTER TABLE portfolio.transaction_reversals
        DROP COLUMN base_rate, DROP COLUMN base_currency,
        DROP COLUMN deleted_base_rate, DROP COLUMN deleted_base_currency`);
    await runner.query('ALTER TABLE portfolio.transactions DROP COLUMN base_rate, DROP COLUMN base_currency');
  }
}
