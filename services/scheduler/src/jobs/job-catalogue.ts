import { readFileSync } from 'node:fs';
import { CronSchedule } from './cron-schedule';
import { DEFAULT_SCHEDULE } from './default-schedule';
import type { JobDefinition } from './job-definition';

const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface JobCatalogueSources {
  overridesFile?: string;
  enabled?: string;
  disabled?: string;
}

/** A job with its slot arithmetic. */
export interface ScheduledJob extends JobDefinition {
  cron: CronSchedule;
}

/**
 * The effective cron table: the defaults, then the overrides file (change a schedule, add a job), then the
 * enable/disable lists. Anything wrong (unknown job, bad cron, bad token) stops start-up with its name.
 */
export function buildJobCatalogue(sources: JobCatalogueSources = {}): ScheduledJob[] {
  const jobs = new Map(DEFAULT_SCHEDULE.map((job) => [job.name, { ...job }]));
  if (sources.overridesFile) {
    let overrides: unknown;
    try {
      overrides = JSON.parse(readFileSync(sources.overridesFile, 'utf8'));
    } catch (error) {
      throw new Error(`SCHEDULER_JOBS_FILE ${sources.overridesFile}: ${(error as Error).message}`);
    }
    if (!Array.isArray(overrides)) throw new Error('SCHEDULER_JOBS_FILE must hold a JSON array of jobs');
    for (const raw of overrides as Partial<JobDefinition>[]) {
      const [service, job] = String(raw.name ?? `${raw.service}.${raw.job}`).split('.');
      const name = `${service}.${job}`;
      const base = jobs.get(name);
      if (!base && !raw.schedule) throw new Error(`SCHEDULER_JOBS_FILE: new job ${name} needs a schedule`);
      jobs.set(name, {
        name,
        service,
        job,
        schedule: raw.schedule ?? base!.schedule,
        marketHours: raw.marketHours ?? base?.marketHours ?? false,
        enabled: raw.enabled ?? base?.enabled ?? true,
        description: raw.description ?? base?.description ?? '',
      });
    }
  }
  const toggle = (list: string | undefined, enabled: boolean, variable: string) => {
    for (const name of (list ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)) {
      const job = jobs.get(name);
      if (!job) throw new Error(`${variable}: unknown job '${name}'; known: ${[...jobs.keys()].join(', ')}`);
      job.enabled = enabled;
    }
  };
  toggle(sources.enabled, true, 'SCHEDULER_ENABLED_JOBS');
  toggle(sources.disabled, false, 'SCHEDULER_DISABLED_JOBS');
  return [...jobs.values()].map((job) => {
    if (!TOKEN.test(job.service) || !TOKEN.test(job.job)) {
      throw new Error(`job ${job.name}: service and job must be lower-case subject tokens (a-z, 0-9, -)`);
    }
    return { ...job, cron: new CronSchedule(job) };
  });
}
