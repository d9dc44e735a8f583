import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which transactions a snapshot's value already includes: the highest ledger `seq` of the portfolio it
 * saw. A transaction recorded after a snapshot (a buy entered at 18:00 with that day's date, a backdated
 * one, a CSV import of history) is a flow of the next valuation, whatever its trade date; judged by trade
 * date alone it would land in a sub-period whose closing value never saw it.
 * Within one portfolio, seqs are allocated under the portfolio's row lock, so they grow in commit order
 * and "seq ≤ ledger_seq" is exactly "visible to the snapshot". Existing snapshots are backfilled from the
 * recording time, the best record of it there is.
 */
export class SnapshotLedgerSeq1795478400005 implements MigrationInterface {
  name = 'SnapshotLedgerSeq1795478400005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.snapshots ADD COLUMN ledger_seq bigint NOT NULL DEFAULT 0');
    await runner.query(`
      UPDATE portfolio.snapshots s
         SET ledger_seq = COALESCE((SELECT max(t.seq) FROM portfolio.transactions t
                                     WHERE t.portfolio_id = s.portfolio_id AND t.created_at <= s.taken_at), 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.snapshots DROP COLUMN ledger_seq');
  }
}
