import { Injectable, NotFoundException } from '@nestjs/common';
import { SchedulerConfig } from '../scheduler.config';
import { buildJobCatalogue, type ScheduledJob } from './job-catalogue';

@Injectable()
export class JobCatalogueService {
  readonly jobs: readonly ScheduledJob[];

  constructor(config: SchedulerConfig) {
    this.jobs = buildJobCatalogue({
      overridesFile: config.SCHEDULER_JOBS_FILE,
      enabled: config.SCHEDULER_ENABLED_JOBS,
      disabled: config.SCHEDULER_DISABLED_JOBS,
    });
  }

  enabled(): ScheduledJob[] {
    return this.jobs.filter((job) => job.enabled);
  }

  require(name: string): ScheduledJob {
    const job = this.jobs.find((candidate) => candidate.name === name);
    if (!job) {
      throw new NotFoundException(
        `Unknown job '${name}'. Known jobs: ${this.jobs.map((j) => j.name).join(', ')}`,
      );
    }
    return job;
  }
}
