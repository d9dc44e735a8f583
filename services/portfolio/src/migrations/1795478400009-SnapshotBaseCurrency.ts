import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The currency each snapshot's amounts are in. A portfolio's base currency can change; its snapshots keep
 * the one they were taken in, so a return is never measured from a value in one currency to a value in
 * another. Existing snapshots were taken in their portfolio's current base currency as far as anything
 * recorded says.
 */
export class SnapshotBaseCurrency1795478400009 implements MigrationInterface {
  name = 'SnapshotBaseCurrency1795478400009';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.snapshots ADD COLUMN base_currency char(3)');
    await runner.query(`
      UPDATE portfolio.snapshots s SET base_currency = f.base_currency
        FROM portfolio.portfolios f WHERE f.id = s.portfolio_id`);
    await runner.query('ALTER TABLE portfolio.snapshots ALTER COLUMN base_currency SET NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.snapshots DROP COLUMN base_currency');
  }
}
