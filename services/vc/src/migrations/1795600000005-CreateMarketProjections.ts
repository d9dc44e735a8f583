import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's own views of market-data's events: the latest rate of each currency pair (from
 * `fx.rate.updated`, to convert amounts) and one closing level per day of the PME index (from
 * `price.updated`). It never reads market-data's tables.
 */
export class CreateMarketProjections1795600000005 implements MigrationInterface {
  name = 'CreateMarketProjections1795600000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vc.fx_rates (
        base        char(3) NOT NULL,
        quote       char(3) NOT NULL,
        rate        numeric(24, 10) NOT NULL CHECK (rate > 0),
        as_of       timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (base, quote)
      )`);
    await runner.query(`
      CREATE TABLE vc.index_levels (
        symbol    varchar(32) NOT NULL,
        level_on  date NOT NULL,
        level     numeric(24, 8) NOT NULL CHECK (level > 0),
        as_of     timestamptz NOT NULL,
        PRIMARY KEY (symbol, level_on)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE vc.index_levels');
    await runner.query('DROP TABLE vc.fx_rates');
  }
}
