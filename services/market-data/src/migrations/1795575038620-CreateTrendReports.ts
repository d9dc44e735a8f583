import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrendReports1795575038620 implements MigrationInterface {
  name = 'CreateTrendReports1795575038620';

  async up(runner: QueryRunner): Promise<void> {
    // One report per kind and day: running the job again replaces it rather than adding a second one.
    await runner.query(`
      CREATE TABLE market_data.trend_reports (
        kind         varchar(8) NOT NULL CHECK (kind IN ('daily', 'weekly')),
        date         date NOT NULL,
        generated_at timestamptz NOT NULL,
        report       jsonb NOT NULL,
        PRIMARY KEY (kind, date)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.trend_reports');
  }
}
