import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import type { JetStreamContext } from '../server/jetstream.context';

/**
 * Makes a handler idempotent: the event id is recorded in the same transaction as the handler's effect,
 * so a redelivery (JetStream delivers at least once) finds it and does nothing. Two replicas racing on the
 * same event serialise on the inbox's primary key; the loser sees the winner's row after it commits.
 */
@Injectable()
export class InboxService {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
  ) {
    this.table = `"${options.schema}".inbox`;
  }

  /** Runs `work` in a transaction unless this consumer already handled the event. */
  async once<T>(
    context: JetStreamContext,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const first = await this.record(manager, context.consumer, context.envelope.id, context.subject);
      if (!first) {
        context.duplicate = true;
        return undefined;
      }
      return work(manager);
    });
  }

  /** For handlers that manage their own transaction: true the first time, false for a repeat. */
  async record(manager: EntityManager, consumer: string, eventId: string, subject: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (consumer, event_id, subject) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING 1`,
      [consumer, eventId, subject],
    );
    return inserted.length > 0;
  }
}
