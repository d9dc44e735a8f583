import { createMessagingTables, dropMessagingTables } from '@marketpulse/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1795478400000 implements MigrationInterface {
  name = 'CreateMessagingTables1795478400000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'portfolio');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'portfolio');
  }
}
