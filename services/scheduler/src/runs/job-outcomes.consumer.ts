import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  JobCompleted,
  JobFailed,
  type EventEnvelope,
  type JobCompletedV1,
  type JobFailedV1,
} from '@marketpulse/contracts';
import { InboxService, JetStreamContext } from '@marketpulse/messaging';
import { JobOutcomesService } from './job-outcomes.service';

@Controller()
export class JobOutcomesConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly outcomes: JobOutcomesService,
  ) {}

  @EventPattern(JobCompleted.subjectPattern)
  async onCompleted(
    @Payload() event: EventEnvelope<JobCompletedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const status = event.data.skipped ? 'skipped' : 'completed';
    await this.inbox.once(context, (manager) =>
      this.outcomes.record(manager, { status, report: event.data }),
    );
  }

  @EventPattern(JobFailed.subjectPattern)
  async onFailed(
    @Payload() event: EventEnvelope<JobFailedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.inbox.once(context, (manager) =>
      this.outcomes.record(manager, { status: 'failed', report: event.data }),
    );
  }
}
