import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a signal was computed from synthetic bars. Rows stored before are labelled from the bars they
 * stand on: synthetic when a synthetic bar of the symbol lies within the year before the signal's day,
 * the longest window a detector reads (erring towards synthetic, the cautious label).
 */
export class AddSignalSynthetic1795575038672 implements MigrationInterface {
  name = 'AddSignalSynthetic1795575038672';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE market_data.signals ADD COLUMN synthetic boolean NOT NULL DEFAULT false`);
    await runner.query(`
      UPDATE market_data.signals s SET synthetic = true
       WHERE EXISTS (SELECT 1 FROM market_data.daily_bars b
                      WHERE b.symbol = s.symbol AND b.synthetic AND b.date <= s.date AND b.date > s.date - 366)`);
    await runner.query(`ALTER TABLE market_data.signals ALTER COLUMN synthetic DROP DEFAULT`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE market_data.signals DROP COLUMN synthetic`);
  }
}
