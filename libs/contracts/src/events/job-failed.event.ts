import { IsNotEmpty, IsString } from 'class-validator';
import { defineEvent } from '../event-contract';
import { JobOutcomeBase } from './job-completed.event';

export class JobFailedV1 extends JobOutcomeBase {
  @IsString()
  @IsNotEmpty()
  error: string;
}

export const JobFailed = defineEvent<JobFailedV1>({
  type: 'job.failed',
  version: 1,
  stream: 'SCHEDULER',
  subjectPattern: 'job.failed',
  subject: () => 'job.failed',
  payload: JobFailedV1,
  summary: 'A job run failed; the error says why. Its state changes were rolled back.',
  example: {
    runId: '6f1c1f0e-6a7e-5b8e-9c55-1d2a3b4c5d6e',
    service: 'market-data',
    job: 'refresh-prices',
    scheduledFor: '2026-11-23T09:00:05.000Z',
    startedAt: '2026-11-23T09:00:05.020Z',
    finishedAt: '2026-11-23T09:00:05.061Z',
    durationMs: 41,
    instance: 'market-data-7c9f',
    error: 'provider timeout after 5000 ms',
  },
});
