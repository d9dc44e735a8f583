import { createMessagingTables, dropMessagingTables } from '@marketpulse/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1795564800000 implements MigrationInterface {
  name = 'CreateMessagingTables1795564800000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'news');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'news');
  }
}
