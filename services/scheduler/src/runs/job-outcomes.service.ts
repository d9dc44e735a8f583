import { Injectable, Logger } from '@nestjs/common';
import { JobFailing, type JobCompletedV1, type JobFailedV1 } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { SchedulerConfig } from '../scheduler.config';

type Outcome =
  | { status: 'completed' | 'skipped'; report: JobCompletedV1 }
  | { status: 'failed'; report: JobFailedV1 };

interface StateRow {
  consecutive_failures: number;
  last_scheduled_for: Date | null;
  failing_since: Date | null;
}

/**
 * Records what services report about job runs: the run row, and the job's failure streak. Crossing the
 * threshold publishes `job.failing` once per streak. A report for a run this scheduler never fired (the
 * CLI fires directly) is recorded as a manual run; a second report for a finished run changes nothing.
 */
@Injectable()
export class JobOutcomesService {
  private readonly logger = new Logger(JobOutcomesService.name);

  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly config: SchedulerConfig,
  ) {}

  async record(manager: EntityManager, outcome: Outcome): Promise<void> {
    const { report, status } = outcome;
    const job = `${report.service}.${report.job}`;
    const counts = 'counts' in report ? JSON.stringify(report.counts) : null;
    const error = 'error' in report ? report.error : null;
    const updated: unknown[] = await manager.query(
      `INSERT INTO job_runs (id, job, service, scheduled_for, trigger, status, started_at, finished_at, duration_ms, counts, error, instance)
       VALUES ($1, $2, $3, $4, 'manual', $5, $6, $7, $8, $9::jsonb, $10, $11)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, started_at = EXCLUDED.started_at,
         finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms, counts = EXCLUDED.counts,
         error = EXCLUDED.error, instance = EXCLUDED.instance
       WHERE job_runs.status = 'fired'
       RETURNING id`,
      [
        report.runId,
        job,
        report.service,
        report.scheduledFor,
        status,
        report.startedAt,
        report.finishedAt,
        report.durationMs,
        counts,
        error,
        report.instance,
      ],
    );
    if (updated.length === 0) return;
    await this.updateState(manager, job, outcome);
  }

  private async updateState(manager: EntityManager, job: string, outcome: Outcome): Promise<void> {
    const { report, status } = outcome;
    await manager.query(`INSERT INTO job_state (job) VALUES ($1) ON CONFLICT (job) DO NOTHING`, [job]);
    const [state]: StateRow[] = await manager.query(
      `SELECT consecutive_failures, last_scheduled_for, failing_since FROM job_state WHERE job = $1 FOR UPDATE`,
      [job],
    );
    const scheduledFor = new Date(report.scheduledFor);
    // An older run reported late does not rewrite the streak of newer ones.
    if (state.last_scheduled_for && state.last_scheduled_for.getTime() > scheduledFor.getTime()) return;
    if (status === 'skipped') return;
    const failures = status === 'failed' ? state.consecutive_failures + 1 : 0;
    const failingSince = status === 'failed' ? (state.failing_since ?? scheduledFor) : null;
    await manager.query(
      `UPDATE job_state SET consecutive_failures = $2, last_status = $3, last_run_id = $4, last_scheduled_for = $5,
         last_finished_at = $6, last_error = $7, failing_since = $8 WHERE job = $1`,
      [
        job,
        failures,
        status,
        report.runId,
        scheduledFor,
        report.finishedAt,
        outcome.status === 'failed' ? outcome.report.error : null,
        failingSince,
      ],
    );
    if (outcome.status === 'failed' && failures === this.config.SCHEDULER_FAILURE_THRESHOLD) {
      this.logger.warn({ msg: 'job failing', job, consecutiveFailures: failures });
      await this.outbox.publishInTransaction(manager, JobFailing, {
        service: report.service,
        job: report.job,
        consecutiveFailures: failures,
        lastError: outcome.report.error,
        since: failingSince!.toISOString(),
      });
    }
  }
}
