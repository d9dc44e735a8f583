import { IsBoolean, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-contract';

const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A scheduled job is due. The scheduler publishes one per (job, slot), whatever the number of replicas. */
export class TickV1 {
  /** Deterministic for scheduled runs (job + slot), random for manual ones; outcomes refer to it. */
  @IsUUID()
  runId: string;

  @Matches(TOKEN, { message: 'service must be a lower-case subject token' })
  service: string;

  @Matches(TOKEN, { message: 'job must be a lower-case subject token' })
  job: string;

  @IsISO8601({ strict: true })
  scheduledFor: string;

  @IsISO8601({ strict: true })
  firedAt: string;

  /** After this instant the work is pointless (the next slot has come); consumers skip it. */
  @IsISO8601({ strict: true })
  expiresAt: string;

  @IsBoolean()
  manual: boolean;
}

export const Tick = defineEvent<TickV1>({
  type: 'tick',
  version: 1,
  stream: 'SCHEDULER',
  subjectPattern: 'tick.*.*',
  subject: (p) => `tick.${p.service}.${p.job}`,
  payload: TickV1,
  summary: 'A scheduled job is due; the named service runs it and reports job.completed or job.failed.',
  example: {
    runId: '6f1c1f0e-6a7e-5b8e-9c55-1d2a3b4c5d6e',
    service: 'market-data',
    job: 'refresh-prices',
    scheduledFor: '2026-11-23T09:00:05.000Z',
    firedAt: '2026-11-23T09:00:05.012Z',
    expiresAt: '2026-11-23T09:01:05.000Z',
    manual: false,
  },
});

/** `tick.<service>.<job>`: the subject a service subscribes to for one of its jobs. */
export function tickSubject(service: string, job: string): string {
  return `tick.${service}.${job}`;
}
