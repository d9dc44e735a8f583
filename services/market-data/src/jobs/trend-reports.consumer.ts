import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { TrendReportService } from '../reports/trend-report.service';

export const DAILY_REPORT_JOB = 'daily-report';
export const WEEKLY_SUMMARY_JOB = 'weekly-summary';

/** Reports are dated by the tick's slot, so a re-delivered or re-run tick rewrites the same report. */
@Controller()
export class TrendReportsConsumer {
  constructor(
    private readonly jobs: JobRunner,
    private readonly reports: TrendReportService,
  ) {}

  @EventPattern(tickSubject('market-data', DAILY_REPORT_JOB))
  async onDailyReport(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.jobs.run(context, event.data, (manager) =>
      this.reports.generate(manager, 'daily', new Date(event.data.scheduledFor)),
    );
  }

  @EventPattern(tickSubject('market-data', WEEKLY_SUMMARY_JOB))
  async onWeeklySummary(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.jobs.run(context, event.data, (manager) =>
      this.reports.generate(manager, 'weekly', new Date(event.data.scheduledFor)),
    );
  }
}
