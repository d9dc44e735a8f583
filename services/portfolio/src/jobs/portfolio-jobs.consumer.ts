import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { PerformanceSummariesRepository } from '../performance/performance-summaries.repository';
import { SnapshotService } from '../snapshots/snapshot.service';
import { ValuationService } from '../valuation/valuation.service';
import { ValuedPublisher } from '../valuation/valued.publisher';

export const PORTFOLIO_SERVICE = 'portfolio';
export const REFRESH_VALUATIONS_JOB = 'refresh-valuations';
export const SNAPSHOT_JOB = 'snapshot';
export const PERFORMANCE_JOB = 'performance';
export const ALERTS_DIGEST_JOB = 'alerts-digest';

/** The scheduler's ticks for this service. Daily work is stamped with the slot's day, not the clock's. */
@Controller()
export class PortfolioJobsConsumer {
  private readonly logger = new Logger(PortfolioJobsConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly valuation: ValuationService,
    private readonly snapshots: SnapshotService,
    private readonly summaries: PerformanceSummariesRepository,
    private readonly publisher: ValuedPublisher,
  ) {}

  @EventPattern(tickSubject(PORTFOLIO_SERVICE, REFRESH_VALUATIONS_JOB))
  async onRefreshValuations(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'refresh-valuations tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, (manager) =>
      this.valuation.revalue(manager, { kind: 'all' }, new Date()),
    );
    this.publisher.kick();
  }

  @EventPattern(tickSubject(PORTFOLIO_SERVICE, SNAPSHOT_JOB))
  async onSnapshot(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    this.logger.debug({ msg: 'snapshot tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, async (manager) => ({
      snapshots: await this.snapshots.snapshotAll(
        manager,
        new Date(event.data.scheduledFor),
        event.data.runId,
      ),
    }));
  }

  @EventPattern(tickSubject(PORTFOLIO_SERVICE, PERFORMANCE_JOB))
  async onPerformance(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'performance tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, async (manager) => ({
      portfolios: await this.summaries.computeAll(
        manager,
        new Date(event.data.scheduledFor).toISOString().slice(0, 10),
        new Date(),
      ),
    }));
  }

  @EventPattern(tickSubject(PORTFOLIO_SERVICE, ALERTS_DIGEST_JOB))
  async onAlertsDigest(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'alerts-digest tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, async (manager) => ({
      fired: await this.valuation.evaluateAlerts(manager, 'all', new Date(), 'digest'),
    }));
  }
}
