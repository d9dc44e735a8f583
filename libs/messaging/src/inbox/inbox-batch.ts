import type { DataSource, EntityManager } from 'typeorm';
import type { JetStreamContext } from '../server/jetstream.context';

/** Records the batch's event ids in the inbox; true for each one recorded now, false for a repeat. */
export type InboxRecordFn = (manager: EntityManager, contexts: JetStreamContext[]) => Promise<boolean[]>;

/** Handles the fresh (not yet handled) items of a batch in one transaction; one result per item, in order. */
export type BatchProcessor<T, R> = (manager: EntityManager, items: T[]) => Promise<R[]>;

interface Pending<T, R> {
  context: JetStreamContext;
  item: T;
  resolve: (value: R | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Events that arrive while a transaction is committing wait and are handled together in the next one:
 * their inbox rows and the processor's effect commit (and so every caller acks) or fail together. The
 * processor sees only the events not handled before, so it can work set-based (one UPDATE for a batch of
 * predictions instead of one per event). When a batch fails, each event is retried in a batch of its own,
 * so only the culprit fails and is retried or dead-lettered by the transport.
 */
export interface InboxBatchOptions {
  /** Transactions committing at once; more lanes mean smaller batches. */
  lanes: number;
  /** Most events in one transaction. */
  maxBatch: number;
  /**
   * How long a lane waits for a batch to fill before committing a partial one. 0 commits whatever is
   * queued at once (lowest latency); a few milliseconds keep a trickle of events from becoming a string
   * of one-event transactions while a burst is being delivered.
   */
  lingerMs: number;
}

export class InboxBatch<T, R = void> {
  private readonly queue: Pending<T, R>[] = [];
  private lanes = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly record: InboxRecordFn,
    private readonly process: BatchProcessor<T, R>,
    private readonly options: InboxBatchOptions,
  ) {}

  /** Resolves with the item's result once its batch committed; `undefined` for a repeat delivery. */
  submit(context: JetStreamContext, item: T): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve, reject) => {
      this.queue.push({ context, item, resolve, reject });
      while (this.lanes < this.options.lanes && this.queue.length > 0) {
        this.lanes++;
        void this.lane();
      }
    });
  }

  private async lane(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        if (this.options.lingerMs > 0 && this.queue.length < this.options.maxBatch) {
          await new Promise((resolve) => setTimeout(resolve, this.options.lingerMs));
        }
        const batch = this.queue.splice(0, this.options.maxBatch);
        // The other lane may have taken everything while this one lingered.
        if (batch.length > 0) await this.commit(batch);
      }
    } finally {
      this.lanes--;
    }
  }

  private async commit(batch: Pending<T, R>[]): Promise<void> {
    let results: { duplicate: boolean; value?: R }[];
    try {
      results = await this.dataSource.transaction(async (manager) => {
        const first = await this.record(
          manager,
          batch.map((pending) => pending.context),
        );
        const fresh = batch.filter((_, index) => first[index]);
        const values =
          fresh.length > 0
            ? await this.process(
                manager,
                fresh.map((pending) => pending.item),
              )
            : [];
        let next = 0;
        return batch.map((_, index) =>
          first[index] ? { duplicate: false, value: values[next++] } : { duplicate: true },
        );
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.commit([pending])));
      return;
    }
    results.forEach((result, index) => {
      if (result.duplicate) batch[index].context.duplicate = true;
      batch[index].resolve(result.value);
    });
  }
}
