import { createMessagingTables, dropMessagingTables } from '@marketpulse/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1795392000000 implements MigrationInterface {
  name = 'CreateMessagingTables1795392000000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'predictions');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'predictions');
  }
}
