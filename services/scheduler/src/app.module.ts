import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { ScheduleClock } from './firing/schedule-clock.service';
import { TickFirer } from './firing/tick-firer.service';
import { JobCatalogueService } from './jobs/job-catalogue.service';
import { JobsController } from './jobs/jobs.controller';
import { JobRun } from './runs/job-run.entity';
import { JobRunsQuery } from './runs/job-runs.query';
import { JobState } from './runs/job-state.entity';
import { JobOutcomesConsumer } from './runs/job-outcomes.consumer';
import { JobOutcomesService } from './runs/job-outcomes.service';
import { SchedulerConfig } from './scheduler.config';
import { SCHEDULER_SCHEMA, schedulerDatabase } from './scheduler.database';

export const SCHEDULER_SERVICE = 'scheduler';

@Module({})
export class AppModule {
  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(SchedulerConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(schedulerDatabase),
        TypeOrmModule.forFeature([JobRun, JobState]),
        MessagingModule.forRoot({ service: SCHEDULER_SERVICE, schema: SCHEDULER_SCHEMA }),
      ],
      controllers: [JobsController, JobOutcomesConsumer],
      providers: [JobCatalogueService, TickFirer, ScheduleClock, JobOutcomesService, JobRunsQuery],
    };
  }
}
