import { IsISO8601, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-contract';

const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What a job outcome shares: which run, when, how long. */
export class JobOutcomeBase {
  @IsUUID()
  runId: string;

  @Matches(TOKEN, { message: 'service must be a lower-case subject token' })
  service: string;

  @Matches(TOKEN, { message: 'job must be a lower-case subject token' })
  job: string;

  @IsISO8601({ strict: true })
  scheduledFor: string;

  @IsISO8601({ strict: true })
  startedAt: string;

  @IsISO8601({ strict: true })
  finishedAt: string;

  @IsInt()
  @Min(0)
  durationMs: number;

  /** Who ran it (instance id), for operators chasing a misbehaving replica. */
  @IsString()
  instance: string;
}

export class JobCompletedV1 extends JobOutcomeBase {
  /** What the run did, e.g. `{ "symbols": 12, "skipped": 3 }`. */
  @IsObject()
  counts: Record<string, number>;

  /** Set when the run was deliberately not done, e.g. `expired` for a tick that arrived after its slot. */
  @IsOptional()
  @IsString()
  skipped?: string;
}

export const JobCompleted = defineEvent<JobCompletedV1>({
  type: 'job.completed',
  version: 1,
  stream: 'SCHEDULER',
  subjectPattern: 'job.completed',
  subject: () => 'job.completed',
  payload: JobCompletedV1,
  summary: 'A job run finished successfully, with its counts.',
  example: {
    runId: '6f1c1f0e-6a7e-5b8e-9c55-1d2a3b4c5d6e',
    service: 'market-data',
    job: 'refresh-prices',
    scheduledFor: '2026-11-23T09:00:05.000Z',
    startedAt: '2026-11-23T09:00:05.020Z',
    finishedAt: '2026-11-23T09:00:05.061Z',
    durationMs: 41,
    instance: 'market-data-7c9f',
    counts: { symbols: 14, skipped: 0 },
  },
});
