import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSignals1795575038613 implements MigrationInterface {
  name = 'CreateSignals1795575038613';

  async up(runner: QueryRunner): Promise<void> {
    // One row per (symbol, day, type): detecting again finds the row and publishes nothing.
    await runner.query(`
      CREATE TABLE market_data.signals (
        symbol      varchar(32) NOT NULL REFERENCES market_data.instruments (symbol),
        date        date NOT NULL,
        type        varchar(32) NOT NULL,
        direction   varchar(8) NOT NULL CHECK (direction IN ('bullish', 'bearish')),
        strength    numeric(20, 4) NOT NULL,
        fast        numeric(24, 8),
        slow        numeric(24, 8),
        distance    numeric(24, 8),
        detected_at timestamptz NOT NULL,
        PRIMARY KEY (symbol, date, type)
      )`);
    await runner.query(`CREATE INDEX signals_date_idx ON market_data.signals (date DESC, symbol)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.signals');
  }
}
