import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDailyBars1795575038612 implements MigrationInterface {
  name = 'CreateDailyBars1795575038612';

  async up(runner: QueryRunner): Promise<void> {
    // `date` is the UTC calendar day of the bar. The checks keep a generated or imported bar coherent, so a
    // bad row fails loudly at insert instead of drawing an impossible candle.
    await runner.query(`
      CREATE TABLE market_data.daily_bars (
        symbol    varchar(32) NOT NULL REFERENCES market_data.instruments (symbol),
        date      date NOT NULL,
        open      numeric(24, 8) NOT NULL CHECK (open > 0),
        high      numeric(24, 8) NOT NULL,
        low       numeric(24, 8) NOT NULL CHECK (low > 0),
        close     numeric(24, 8) NOT NULL CHECK (close > 0),
        source    varchar(64) NOT NULL,
        synthetic boolean NOT NULL,
        PRIMARY KEY (symbol, date),
        CHECK (high >= GREATEST(open, close) AND low <= LEAST(open, close))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.daily_bars');
  }
}
