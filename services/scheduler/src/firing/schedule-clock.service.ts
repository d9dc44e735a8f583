import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JobCatalogueService } from '../jobs/job-catalogue.service';
import type { ScheduledJob } from '../jobs/job-catalogue';
import { TickFirer } from './tick-firer.service';

const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_MS = 2000;

/**
 * One timer per enabled job, armed for its next slot. Slots are computed from the schedule, not from when
 * the timer woke, so they do not drift; a process that stalled past several slots fires the one it woke
 * for and skips the rest rather than replaying them.
 */
@Injectable()
export class ScheduleClock implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduleClock.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;

  constructor(
    private readonly catalogue: JobCatalogueService,
    private readonly firer: TickFirer,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    const jobs = this.catalogue.enabled();
    for (const job of jobs) this.arm(job, job.cron.next(new Date()));
    this.logger.log({ msg: 'schedule armed', jobs: jobs.map((job) => `${job.name} ${job.schedule}`) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private arm(job: ScheduledJob, slot: Date): void {
    if (!this.running) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, slot.getTime() - Date.now()));
    this.timers.set(
      job.name,
      setTimeout(() => this.onTimer(job, slot), delay),
    );
  }

  private onTimer(job: ScheduledJob, slot: Date): void {
    if (!this.running) return;
    if (Date.now() < slot.getTime()) {
      // Woke early (a very long delay was capped): wait on for the same slot.
      this.arm(job, slot);
      return;
    }
    const work = this.fireUntilExpired(job, slot).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    this.arm(job, job.cron.next(new Date(Math.max(slot.getTime(), Date.now()))));
  }

  /** The database may be briefly away at a slot: keep trying while the tick would still be useful. */
  private async fireUntilExpired(job: ScheduledJob, slot: Date): Promise<void> {
    const expiresAt = job.cron.expiresAt(slot).getTime();
    for (let attempt = 1; this.running; attempt++) {
      try {
        const { fired, runId } = await this.firer.fire(job, slot, 'schedule');
        this.logger.debug({
          msg: fired ? 'tick fired' : 'slot already fired by a replica',
          job: job.name,
          runId,
        });
        return;
      } catch (error) {
        if (Date.now() + RETRY_MS >= expiresAt) {
          this.logger.error({
            msg: 'tick not fired; slot given up',
            job: job.name,
            slot,
            attempt,
            err: error,
          });
          return;
        }
        this.logger.warn({
          msg: 'tick not fired yet; retrying',
          job: job.name,
          attempt,
          err: (error as Error).message,
        });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
