import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index levels now come from two places: the provider's history (so a fund's PME is defined back to its
 * first cash flow on a fresh installation) and live `price.updated`. `source` says which; a live level
 * replaces a provider's level of the same day, never the other way round.
 */
export class AddIndexLevelSource1795600000006 implements MigrationInterface {
  name = 'AddIndexLevelSource1795600000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE vc.index_levels ADD COLUMN source varchar(64) NOT NULL DEFAULT 'price.updated'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE vc.index_levels DROP COLUMN source');
  }
}
