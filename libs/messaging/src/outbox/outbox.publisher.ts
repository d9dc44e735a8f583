import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@marketpulse/contracts';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { buildEvent, type OutgoingEvent, type PublishOptions } from '../publishing/envelope.factory';
import { outboxChannel } from './messaging-tables';

const MAX_ROWS_PER_STATEMENT = 1000;

export class NotInTransactionError extends Error {
  constructor() {
    super(
      'publishInTransaction needs the EntityManager of an open transaction (dataSource.transaction(em => ...))',
    );
    this.name = 'NotInTransactionError';
  }
}

/**
 * Writes events to the service's outbox inside the caller's transaction: they exist if and only if the
 * state change commits. The relay publishes them afterwards. `pg_notify` is delivered at commit, which is
 * exactly when the relay should look.
 */
@Injectable()
export class OutboxPublisher {
  private readonly table: string;
  private readonly channel: string;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions) {
    this.table = `"${options.schema}".outbox`;
    this.channel = outboxChannel(options.schema);
  }

  async publishInTransaction<P extends object>(
    manager: EntityManager,
    contract: EventContract<P>,
    payload: P,
    options?: PublishOptions,
  ): Promise<string> {
    const [id] = await this.publishAllInTransaction(manager, [{ contract, payload, options }]);
    return id;
  }

  /** Several events in one statement, in order. Returns their ids. */
  async publishAllInTransaction(
    manager: EntityManager,
    events: { contract: EventContract<any>; payload: object; options?: PublishOptions }[],
  ): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) throw new NotInTransactionError();
    if (events.length === 0) return [];
    const built: OutgoingEvent[] = events.map((event) =>
      buildEvent(event.contract, event.payload, this.options.service, event.options),
    );
    // A statement takes at most 65,535 parameters: a sweep publishing ten thousand events goes in chunks.
    // The last one also notifies the relay, so a one-event transaction costs one round trip, not two.
    for (let start = 0; start < built.length; start += MAX_ROWS_PER_STATEMENT) {
      const last = start + MAX_ROWS_PER_STATEMENT >= built.length;
      await this.insert(manager, built.slice(start, start + MAX_ROWS_PER_STATEMENT), last);
    }
    return built.map((event) => event.envelope.id);
  }

  private async insert(manager: EntityManager, built: OutgoingEvent[], notify: boolean): Promise<void> {
    const values: unknown[] = [];
    const rows = built.map((event, index) => {
      values.push(
        event.envelope.id,
        event.subject,
        JSON.stringify(event.envelope),
        JSON.stringify(event.headers),
      );
      const base = index * 4;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb)`;
    });
    const insert = `INSERT INTO ${this.table} (id, subject, body, headers) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`;
    if (!notify) {
      await manager.query(insert, values);
      return;
    }
    values.push(this.channel);
    // A data-modifying CTE runs to completion whether or not its rows are read.
    await manager.query(`WITH inserted AS (${insert}) SELECT pg_notify($${values.length}, '')`, values);
  }
}
