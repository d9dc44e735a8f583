import { IsISO8601, IsInt, IsString, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-contract';

const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A job has failed N times in a row; published once when the threshold is crossed. */
export class JobFailingV1 {
  @Matches(TOKEN, { message: 'service must be a lower-case subject token' })
  service: string;

  @Matches(TOKEN, { message: 'job must be a lower-case subject token' })
  job: string;

  @IsInt()
  @Min(1)
  consecutiveFailures: number;

  @IsString()
  lastError: string;

  @IsISO8601({ strict: true })
  since: string;
}

export const JobFailing = defineEvent<JobFailingV1>({
  type: 'job.failing',
  version: 1,
  stream: 'SCHEDULER',
  subjectPattern: 'job.failing',
  subject: () => 'job.failing',
  payload: JobFailingV1,
  summary: 'A job failed several times in a row (the threshold is the scheduler config).',
  example: {
    service: 'market-data',
    job: 'refresh-prices',
    consecutiveFailures: 3,
    lastError: 'provider timeout after 5000 ms',
    since: '2026-11-23T09:00:05.000Z',
  },
});
