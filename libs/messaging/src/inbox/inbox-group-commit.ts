import type { DataSource, EntityManager } from 'typeorm';
import type { JetStreamContext } from '../server/jetstream.context';

type Work = (manager: EntityManager) => Promise<unknown>;

interface Pending {
  context: JetStreamContext;
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Records the batch's event ids in the inbox; true for each one recorded now, false for a repeat. */
type RecordFn = (manager: EntityManager, contexts: JetStreamContext[]) => Promise<boolean[]>;
type AloneFn = (context: JetStreamContext, work: Work) => Promise<unknown>;

/**
 * Group commit for short, high-volume handlers: events that arrive while a transaction is committing
 * wait and share the next one, each still recording its inbox row with its own effect. A batch commits
 * (and so every caller acks) or fails together; when one event's work fails, the batch is rolled back
 * and each event runs again in a transaction of its own, so only the culprit fails.
 */
export class InboxGroupCommit {
  private readonly queue: Pending[] = [];
  private lanes = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly record: RecordFn,
    private readonly alone: AloneFn,
    private readonly maxLanes: number,
    private readonly maxBatch = 64,
  ) {}

  submit<T>(context: JetStreamContext, work: (manager: EntityManager) => Promise<T>): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve, reject) => {
      this.queue.push({ context, work, resolve: resolve as (value: unknown) => void, reject });
      while (this.lanes < this.maxLanes && this.queue.length > 0) {
        this.lanes++;
        void this.lane();
      }
    });
  }

  private async lane(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.lanes--;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    let results: { duplicate: boolean; value?: unknown }[];
    try {
      results = await this.dataSource.transaction(async (manager) => {
        const first = await this.record(
          manager,
          batch.map((item) => item.context),
        );
        const out: { duplicate: boolean; value?: unknown }[] = [];
        for (const [index, item] of batch.entries()) {
          if (!first[index]) out.push({ duplicate: true });
          else out.push({ duplicate: false, value: await item.work(manager) });
        }
        return out;
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(
        batch.map((item) => this.alone(item.context, item.work).then(item.resolve, item.reject)),
      );
      return;
    }
    results.forEach((result, index) => {
      if (result.duplicate) batch[index].context.duplicate = true;
      batch[index].resolve(result.value);
    });
  }
}
