import { Inject, Injectable } from '@nestjs/common';
import { ServiceConfig } from '@marketpulse/config';
import { DataSource, type EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import type { JetStreamContext } from '../server/jetstream.context';
import { InboxBatch, type BatchProcessor, type InboxBatchOptions } from './inbox-batch';

type Work = (manager: EntityManager) => Promise<unknown>;

/**
 * Makes a handler idempotent: the event id is recorded in the same transaction as the handler's effect,
 * so a redelivery (JetStream delivers at least once) finds it and does nothing. Two replicas racing on the
 * same event serialise on the inbox's primary key; the loser sees the winner's row after it commits.
 */
@Injectable()
export class InboxService {
  private readonly table: string;
  private readonly grouped: InboxBatch<Work, unknown>;
  // Two lanes: one batch commits while the next one fills. More lanes mean smaller batches, and the
  // commits, not the connections, are what costs.
  private readonly lanes: number;

  constructor(
    private readonly dataSource: DataSource,
    config: ServiceConfig,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
  ) {
    this.table = `"${options.schema}".inbox`;
    this.lanes = Math.min(2, config.DATABASE_POOL_SIZE);
    this.grouped = this.batch<Work, unknown>(async (manager, works) => {
      const results: unknown[] = [];
      for (const work of works) results.push(await work(manager));
      return results;
    });
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

  /**
   * Like `once`, but events handled at the same time share a transaction (group commit): far fewer
   * commits under load, at the price of waiting for the batch. For short handlers of frequent events
   * (projections of prices, counters) whose work is database writes only: when one event of a batch
   * fails, the others' work runs again alone, and a slow one holds up its whole batch. A handler that
   * calls out to other systems should use `once`. Pair it with a consumer concurrency well above 1,
   * or there is nothing to group.
   */
  async onceGrouped<T>(
    context: JetStreamContext,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T | undefined> {
    return (await this.grouped.submit(context, work)) as T | undefined;
  }

  /**
   * A set-based handler: events handled at the same time reach `process` together, minus the ones handled
   * before, in one transaction with their inbox rows. Create one per handler (at construction) and
   * `submit(context, item)` from it; pair it with a consumer concurrency of about the batch size.
   */
  batch<T, R = void>(
    process: BatchProcessor<T, R>,
    options: Partial<InboxBatchOptions> = {},
  ): InboxBatch<T, R> {
    return new InboxBatch<T, R>(
      this.dataSource,
      (manager, contexts) => this.recordAll(manager, contexts),
      process,
      {
        lanes: options.lanes ?? this.lanes,
        maxBatch: options.maxBatch ?? 64,
        lingerMs: options.lingerMs ?? 0,
      },
    );
  }

  /** Records several events in one statement; a repeat (also within the list) is reported as false. */
  private async recordAll(manager: EntityManager, contexts: JetStreamContext[]): Promise<boolean[]> {
    const values: string[] = [];
    const rows = contexts.map((context, index) => {
      values.push(context.consumer, context.envelope.id, context.subject);
      return `($${index * 3 + 1}, $${index * 3 + 2}::uuid, $${index * 3 + 3})`;
    });
    const inserted: { consumer: string; event_id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (consumer, event_id, subject) VALUES ${rows.join(', ')}
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING consumer, event_id`,
      values,
    );
    const fresh = new Set(inserted.map((row) => `${row.consumer}/${row.event_id}`));
    return contexts.map((context) => fresh.delete(`${context.consumer}/${context.envelope.id}`));
  }

  /**
   * Whether this consumer already handled the event, read without recording anything: for work that has
   * to happen before the transaction `once` opens (and is wasted on a redelivery). `once` still decides.
   */
  async seen(context: JetStreamContext): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${this.table} WHERE consumer = $1 AND event_id = $2::uuid`,
      [context.consumer, context.envelope.id],
    );
    return rows.length > 0;
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
