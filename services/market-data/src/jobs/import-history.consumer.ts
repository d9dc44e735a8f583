import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner, type JobCounts } from '@marketpulse/messaging';
import { DataSource } from 'typeorm';
import { ProviderHistoryImportService } from '../history/provider-history-import.service';
import { MARKET_DATA_SCHEMA } from '../market-data.database';
import { tickExpired } from './tick-expiry';

export const IMPORT_HISTORY_JOB = 'import-history';

@Controller()
export class ImportHistoryConsumer {
  private readonly logger = new Logger(ImportHistoryConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly history: ProviderHistoryImportService,
    private readonly dataSource: DataSource,
  ) {}

  /** The window ends the day before the tick's slot, so a replayed tick imports the same days. */
  @EventPattern(tickSubject('market-data', IMPORT_HISTORY_JOB))
  async onImportHistory(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'import-history tick', runId: event.data.runId });
    // The import asks the providers and writes each instrument in a short transaction of its own, before
    // the job's transaction opens: that one only records the outcome. An expired tick, or one this
    // consumer handled already (a redelivery), costs no provider calls or writes: the runner reports the
    // first as skipped and ignores the second without calling the work.
    let outcome: { counts: JobCounts } | { error: unknown } = { counts: {} };
    if (!tickExpired(event.data, new Date()) && !(await this.handled(context))) {
      try {
        outcome = {
          counts: await this.history.import(
            new Date(event.data.scheduledFor),
            new Date(event.data.expiresAt),
          ),
        };
      } catch (error) {
        outcome = { error };
      }
    }
    await this.jobs.run(context, event.data, async () => {
      if ('error' in outcome) throw outcome.error;
      return outcome.counts;
    });
  }

  /**
   * A read-only look at the inbox the runner records the tick in (same table, consumer and event id). Two
   * replicas racing on one delivery may both import; the inbox still lets only one record the outcome.
   */
  private async handled(context: JetStreamContext): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM "${MARKET_DATA_SCHEMA}".inbox WHERE consumer = $1 AND event_id = $2::uuid`,
      [context.consumer, context.envelope.id],
    );
    return rows.length > 0;
  }
}
