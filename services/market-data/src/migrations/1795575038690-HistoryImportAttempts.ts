import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the history import last asked the providers for each instrument. The import goes through the
 * instruments least recently asked first, so a budget that runs out partway reaches the others the next
 * day; the latest real bar cannot say that, since the live roll-up writes one every day for every quoted
 * instrument.
 */
export class HistoryImportAttempts1795575038690 implements MigrationInterface {
  name = 'HistoryImportAttempts1795575038690';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE market_data.history_import_attempts (
        symbol       varchar(32) PRIMARY KEY REFERENCES market_data.instruments (symbol) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.history_import_attempts');
  }
}
