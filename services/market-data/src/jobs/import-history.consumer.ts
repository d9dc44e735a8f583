import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner, type JobCounts } from '@marketpulse/messaging';
import { ProviderHistoryImportService } from '../history/provider-history-import.service';

export const IMPORT_HISTORY_JOB = 'import-history';

@Controller()
export class ImportHistoryConsumer {
  private readonly logger = new Logger(ImportHistoryConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly history: ProviderHistoryImportService,
  ) {}

  /** The window ends the day before the tick's slot, so a replayed tick imports the same days. */
  @EventPattern(tickSubject('market-data', IMPORT_HISTORY_JOB))
  async onImportHistory(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'import-history tick', runId: event.data.runId });
    // The import asks the providers and writes each instrument in a short transaction of its own, before
    // the job's transaction opens: that one only records the outcome. An expired tick costs no provider
    // calls; the runner reports it as skipped without calling the work.
    let outcome: { counts: JobCounts } | { error: unknown } = { counts: {} };
    if (Date.parse(event.data.expiresAt) > Date.now()) {
      try {
        outcome = { counts: await this.history.import(new Date(event.data.scheduledFor)) };
      } catch (error) {
        outcome = { error };
      }
    }
    await this.jobs.run(context, event.data, async () => {
      if ('error' in outcome) throw outcome.error;
      return outcome.counts;
    });
  }
}
