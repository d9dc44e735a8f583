import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's own view of prices, built from `price.updated`: every observation (verification needs
 * "the last price at or before verifyAt", not just the latest), pruned after a retention window.
 */
export class CreatePriceProjection1795392000001 implements MigrationInterface {
  name = 'CreatePriceProjection1795392000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE predictions.price_observations (
        symbol      varchar(32) NOT NULL,
        as_of       timestamptz NOT NULL,
        price       numeric(24, 8) NOT NULL CHECK (price > 0),
        currency    char(3) NOT NULL,
        synthetic   boolean NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (symbol, as_of)
      )`);
    await runner.query(`CREATE INDEX price_observations_as_of_idx ON predictions.price_observations (as_of)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE predictions.price_observations');
  }
}
