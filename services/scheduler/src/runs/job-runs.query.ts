import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { JobDto, JobRunDto } from '../dto/job.dto';
import type { ScheduledJob } from '../jobs/job-catalogue';
import { JobRun } from './job-run.entity';
import { JobState } from './job-state.entity';

/** Read side for `GET /jobs`: the schedule joined with each job's state and latest run. */
@Injectable()
export class JobRunsQuery {
  constructor(
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    @InjectRepository(JobState) private readonly states: Repository<JobState>,
  ) {}

  async describe(jobs: readonly ScheduledJob[], now = new Date()): Promise<JobDto[]> {
    const names = jobs.map((job) => job.name);
    const states = new Map((await this.states.findBy({ job: In(names) })).map((state) => [state.job, state]));
    const latest: JobRun[] = await this.runs.query(
      `SELECT DISTINCT ON (job) * FROM job_runs WHERE job = ANY($1) ORDER BY job, scheduled_for DESC`,
      [names],
    );
    const lastRuns = new Map(latest.map((row) => [(row as unknown as { job: string }).job, fromRow(row)]));
    return jobs.map((job) => {
      const state = states.get(job.name);
      return {
        name: job.name,
        service: job.service,
        job: job.job,
        schedule: job.schedule,
        marketHours: job.marketHours,
        enabled: job.enabled,
        description: job.description,
        nextRunAt: job.enabled ? job.cron.next(now).toISOString() : null,
        lastRun: lastRuns.get(job.name) ?? null,
        lastStatus: state?.lastStatus ?? null,
        consecutiveFailures: state?.consecutiveFailures ?? 0,
      };
    });
  }

  async recent(job: string, limit: number): Promise<JobRunDto[]> {
    const runs = await this.runs.find({ where: { job }, order: { scheduledFor: 'DESC' }, take: limit });
    return runs.map(toDto);
  }
}

type RawRun = Record<string, unknown>;

function fromRow(row: RawRun | JobRun): JobRunDto {
  const raw = row as RawRun;
  return toDto({
    id: raw.id,
    job: raw.job,
    scheduledFor: raw.scheduled_for,
    firedAt: raw.fired_at,
    trigger: raw.trigger,
    status: raw.status,
    finishedAt: raw.finished_at,
    durationMs: raw.duration_ms,
    counts: raw.counts,
    error: raw.error,
    instance: raw.instance,
  } as JobRun);
}

function toDto(run: JobRun): JobRunDto {
  return {
    id: run.id,
    job: run.job,
    scheduledFor: run.scheduledFor.toISOString(),
    firedAt: run.firedAt?.toISOString() ?? null,
    trigger: run.trigger,
    status: run.status,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
    counts: run.counts,
    error: run.error,
    instance: run.instance,
  };
}
