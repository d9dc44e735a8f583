import { createMessagingTables, dropMessagingTables } from '@marketpulse/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1795600000000 implements MigrationInterface {
  name = 'CreateMessagingTables1795600000000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'vc');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'vc');
  }
}
