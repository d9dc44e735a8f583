import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { CreateMessagingTables1795392000000 } from './migrations/1795392000000-CreateMessagingTables';
import { CreateJobRuns1795392000001 } from './migrations/1795392000001-CreateJobRuns';
import { JobRun } from './runs/job-run.entity';
import { JobState } from './runs/job-state.entity';

export const SCHEDULER_SCHEMA = 'scheduler';

export const schedulerDatabase: ServiceDatabaseOptions = {
  schema: SCHEDULER_SCHEMA,
  entities: [JobRun, JobState],
  migrations: [CreateMessagingTables1795392000000, CreateJobRuns1795392000001],
};
