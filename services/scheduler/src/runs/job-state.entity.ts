import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The running summary of one job: what `GET /jobs` shows beside the schedule. */
@Entity({ name: 'job_state' })
export class JobState {
  @PrimaryColumn({ type: 'text' })
  job: string;

  @Column({ type: 'integer', name: 'consecutive_failures', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'text', name: 'last_status', nullable: true })
  lastStatus: string | null;

  @Column({ type: 'uuid', name: 'last_run_id', nullable: true })
  lastRunId: string | null;

  @Column({ type: 'timestamptz', name: 'last_scheduled_for', nullable: true })
  lastScheduledFor: Date | null;

  @Column({ type: 'timestamptz', name: 'last_finished_at', nullable: true })
  lastFinishedAt: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'failing_since', nullable: true })
  failingSince: Date | null;
}
