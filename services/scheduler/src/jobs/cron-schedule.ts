import { CronTime } from 'cron';
import type { JobDefinition } from './job-definition';

const MIN_VALIDITY_MS = 60_000;

/** Slot arithmetic of one job: its cron expression in UTC plus the weekdays-only market-hours rule. */
export class CronSchedule {
  private readonly cron: CronTime;

  constructor(private readonly definition: Pick<JobDefinition, 'name' | 'schedule' | 'marketHours'>) {
    try {
      this.cron = new CronTime(definition.schedule, 'UTC');
    } catch (error) {
      throw new Error(
        `job ${definition.name}: invalid cron '${definition.schedule}': ${(error as Error).message}`,
      );
    }
  }

  /** The first slot strictly after `after`. */
  next(after: Date): Date {
    let slot = this.cron.getNextDateFrom(after, 'UTC').toJSDate();
    while (this.definition.marketHours && isWeekend(slot)) {
      slot = this.cron.getNextDateFrom(slot, 'UTC').toJSDate();
    }
    return slot;
  }

  /**
   * When a tick for `slot` stops being worth running: the next slot, but never less than a minute, so a
   * briefly slow consumer still does five-second work while a long outage does not replay a backlog.
   */
  expiresAt(slot: Date): Date {
    return new Date(Math.max(this.next(slot).getTime(), slot.getTime() + MIN_VALIDITY_MS));
  }
}

function isWeekend(at: Date): boolean {
  const day = at.getUTCDay();
  return day === 0 || day === 6;
}
