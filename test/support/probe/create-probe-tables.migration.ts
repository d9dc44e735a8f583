import { createMessagingTables } from '@marketpulse/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProbeTables1795392000000 implements MigrationInterface {
  name = 'CreateProbeTables1795392000000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'probe');
    await runner.query(`
      CREATE TABLE probe.effects (
        id         bigserial PRIMARY KEY,
        event_id   uuid NOT NULL,
        symbol     text NOT NULL,
        delivery   integer NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA probe CASCADE');
  }
}
