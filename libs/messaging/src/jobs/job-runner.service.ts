import { Injectable, Logger } from '@nestjs/common';
import { ServiceConfig } from '@marketpulse/config';
import { JobCompleted, JobFailed, type TickV1 } from '@marketpulse/contracts';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import { InboxService } from '../inbox/inbox.service';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import type { JetStreamContext } from '../server/jetstream.context';

export type JobCounts = Record<string, number>;

/**
 * The service side of the scheduler protocol: run a tick's work once (inbox), in one transaction with its
 * `job.completed`; on failure roll the work back and report `job.failed` instead. A tick that arrives after
 * its `expiresAt` (the service was down, a backlog built up) is reported as skipped, not run.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobRunner');
  private readonly instance: string;

  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: OutboxPublisher,
    config: ServiceConfig,
  ) {
    this.instance = config.INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  }

  async run(
    context: JetStreamContext,
    tick: TickV1,
    work: (manager: EntityManager) => Promise<JobCounts>,
  ): Promise<void> {
    await this.execute(context, tick, async () => undefined, work, false);
  }

  /**
   * For a job whose slow part (calls to providers or feeds) must not hold a transaction open: `prepare`
   * runs first, outside any transaction, then `apply` in the job's transaction with what it prepared. An
   * expired tick, or one this consumer already handled (a redelivery), never reaches `prepare`, so it
   * costs no outside calls. `startedAt` and `durationMs` cover both parts.
   */
  async runPrepared<P>(
    context: JetStreamContext,
    tick: TickV1,
    prepare: () => Promise<P>,
    apply: (manager: EntityManager, prepared: P) => Promise<JobCounts>,
  ): Promise<void> {
    await this.execute(context, tick, prepare, apply, true);
  }

  /**
   * `lookFirst`: whether to ask the inbox before preparing. Worth a query only when there are outside calls
   * to save on a redelivery; otherwise `once` alone tells a repeat.
   */
  private async execute<P>(
    context: JetStreamContext,
    tick: TickV1,
    prepare: () => Promise<P>,
    apply: (manager: EntityManager, prepared: P) => Promise<JobCounts>,
    lookFirst: boolean,
  ): Promise<void> {
    const startedAt = new Date();
    const outcome = (finishedAt = new Date()) => ({
      runId: tick.runId,
      service: tick.service,
      job: tick.job,
      scheduledFor: tick.scheduledFor,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      instance: this.instance,
    });
    if (Date.parse(tick.expiresAt) < startedAt.getTime()) {
      await this.inbox.once(context, (manager) =>
        this.outbox.publishInTransaction(manager, JobCompleted, {
          ...outcome(),
          counts: {},
          skipped: 'expired',
        }),
      );
      return;
    }
    try {
      // Handled before: `once` below finds the inbox row and does nothing, so nothing needs preparing.
      const prepared = lookFirst && (await this.inbox.seen(context)) ? undefined : { value: await prepare() };
      await this.inbox.once(context, async (manager) => {
        if (!prepared) return;
        const counts = await apply(manager, prepared.value);
        await this.outbox.publishInTransaction(manager, JobCompleted, { ...outcome(), counts });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ msg: 'job failed', job: tick.job, runId: tick.runId, err: error });
      await this.inbox.once(context, (manager) =>
        this.outbox.publishInTransaction(manager, JobFailed, {
          ...outcome(),
          error: message.slice(0, 2000) || 'unknown error',
        }),
      );
    }
  }
}
