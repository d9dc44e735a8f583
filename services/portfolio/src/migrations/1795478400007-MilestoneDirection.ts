import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which way a value milestone is crossed: 'up' (the value reaches the threshold, as every milestone did
 * before) or 'down' (it falls to it). Only value milestones have one.
 */
export class MilestoneDirection1795478400007 implements MigrationInterface {
  name = 'MilestoneDirection1795478400007';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE portfolio.alerts ADD COLUMN direction varchar(4) CHECK (direction IN ('up', 'down'))`);
    await runner.query(`UPDATE portfolio.alerts SET direction = 'up' WHERE kind = 'value_milestone'`);
    await runner.query(`
      ALTER TABLE portfolio.alerts ADD CONSTRAINT alerts_direction_only_milestones
        CHECK ((kind = 'value_milestone') = (direction IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.alerts DROP COLUMN direction');
  }
}
