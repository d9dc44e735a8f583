import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JobRunStatus = 'fired' | 'completed' | 'failed' | 'skipped';
export type JobTrigger = 'schedule' | 'manual';

/** One firing of a job and, once the service reports, its outcome. */
@Entity({ name: 'job_runs' })
export class JobRun {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  job: string;

  @Column({ type: 'text' })
  service: string;

  @Column({ type: 'timestamptz', name: 'scheduled_for' })
  scheduledFor: Date;

  @Column({ type: 'timestamptz', name: 'fired_at', nullable: true })
  firedAt: Date | null;

  @Column({ type: 'text' })
  trigger: JobTrigger;

  @Column({ type: 'text' })
  status: JobRunStatus;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', name: 'duration_ms', nullable: true })
  durationMs: number | null;

  @Column({ type: 'jsonb', nullable: true })
  counts: Record<string, number> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'text', nullable: true })
  instance: string | null;
}
