import { Injectable } from '@nestjs/common';
import { ServiceConfig } from '@marketpulse/config';
import { Tick, type TickV1 } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId, newEventId } from '@marketpulse/messaging';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import type { ScheduledJob } from '../jobs/job-catalogue';
import type { JobTrigger } from '../runs/job-run.entity';

export interface FiredTick {
  runId: string;
  /** False when another replica had already fired this slot. */
  fired: boolean;
  tick: TickV1;
}

/** The id of a scheduled run: the same for every replica that fires the same job slot. */
export function scheduledRunId(jobName: string, scheduledFor: Date): string {
  return deterministicEventId(`tick:${jobName}@${scheduledFor.toISOString()}`);
}

/**
 * Fires a tick exactly once per job slot. The run row and the tick are written in one transaction; a
 * second replica firing the same slot hits the run's primary key and writes nothing. The tick's event id
 * (its `Nats-Msg-Id`) is derived from job and slot too, so even a re-publish is dropped by JetStream.
 */
@Injectable()
export class TickFirer {
  private readonly instance: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    config: ServiceConfig,
  ) {
    this.instance = config.INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  }

  async fire(job: ScheduledJob, scheduledFor: Date, trigger: JobTrigger): Promise<FiredTick> {
    const runId = trigger === 'schedule' ? scheduledRunId(job.name, scheduledFor) : newEventId();
    const firedAt = new Date();
    const tick: TickV1 = {
      runId,
      service: job.service,
      job: job.job,
      scheduledFor: scheduledFor.toISOString(),
      firedAt: firedAt.toISOString(),
      expiresAt: job.cron.expiresAt(scheduledFor).toISOString(),
      manual: trigger === 'manual',
    };
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO job_runs (id, job, service, scheduled_for, fired_at, trigger, status, instance)
         VALUES ($1, $2, $3, $4, $5, $6, 'fired', $7) ON CONFLICT DO NOTHING RETURNING id`,
        [runId, job.name, job.service, scheduledFor, firedAt, trigger, this.instance],
      );
      if (inserted.length === 0) return { runId, fired: false, tick };
      await this.outbox.publishInTransaction(manager, Tick, tick, { id: runId, correlationId: runId });
      return { runId, fired: true, tick };
    });
  }
}
