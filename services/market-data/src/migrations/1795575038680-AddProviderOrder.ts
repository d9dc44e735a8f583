import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A provider order of its own for an instrument (e.g. Twelve Data before Stooq for a stock whose Stooq
 * quote lags). Null, the default, keeps the global MARKET_DATA_PROVIDERS order; the names are checked by
 * the catalogue API, not here, so that a new provider needs no migration.
 */
export class AddProviderOrder1795575038680 implements MigrationInterface {
  name = 'AddProviderOrder1795575038680';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE market_data.instruments ADD COLUMN provider_order text[]`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE market_data.instruments DROP COLUMN provider_order`);
  }
}
