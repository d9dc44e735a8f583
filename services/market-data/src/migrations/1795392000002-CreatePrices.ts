import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePrices1795392000002 implements MigrationInterface {
  name = 'CreatePrices1795392000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE market_data.latest_prices (
        symbol         varchar(32) PRIMARY KEY REFERENCES market_data.instruments (symbol),
        price          numeric(24, 8) NOT NULL CHECK (price > 0),
        currency       char(3) NOT NULL,
        as_of          timestamptz NOT NULL,
        source         varchar(64) NOT NULL,
        previous_price numeric(24, 8),
        change_percent numeric(14, 4),
        synthetic      boolean NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE market_data.price_history (
        symbol varchar(32) NOT NULL REFERENCES market_data.instruments (symbol),
        as_of  timestamptz NOT NULL,
        price  numeric(24, 8) NOT NULL CHECK (price > 0),
        source varchar(64) NOT NULL,
        PRIMARY KEY (symbol, as_of)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.price_history');
    await runner.query('DROP TABLE market_data.latest_prices');
  }
}
