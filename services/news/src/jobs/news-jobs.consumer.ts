import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { NewsFetchService } from '../ingestion/news-fetch.service';

export const NEWS_SERVICE = 'news';
export const FETCH_JOB = 'fetch';

/** The scheduler's ticks for this service. */
@Controller()
export class NewsJobsConsumer {
  private readonly logger = new Logger(NewsJobsConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly fetcher: NewsFetchService,
  ) {}

  /**
   * Each source is fetched and stored in its own transactions (one broken source must not undo the
   * others), before the job's transaction opens: that one carries only the run record and its counts.
   */
  @EventPattern(tickSubject(NEWS_SERVICE, FETCH_JOB))
  async onFetch(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    this.logger.debug({ msg: 'fetch tick', runId: event.data.runId });
    await this.jobs.runPrepared(
      context,
      event.data,
      () => this.fetcher.fetchDue(new Date(Math.max(Date.parse(event.data.scheduledFor), Date.now()))),
      async (_manager, counts) => counts,
    );
  }
}
