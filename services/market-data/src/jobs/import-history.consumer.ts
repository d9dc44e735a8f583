import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
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
    // the job's transaction opens: that one only records the outcome.
    await this.jobs.runPrepared(
      context,
      event.data,
      () => this.history.import(new Date(event.data.scheduledFor), new Date(event.data.expiresAt)),
      async (_manager, counts) => counts,
    );
  }
}
