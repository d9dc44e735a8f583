import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { FundsService } from '../funds/funds.service';
import { InvestorRankingService } from '../investors/investor-ranking.service';
import { VcSyncJob, type SyncScope } from '../sync/vc-sync.job';

export const VC_SERVICE = 'vc';
export const SYNC_JOB = 'sync';
export const ROUNDS_JOB = 'rounds';
export const IPO_PIPELINE_JOB = 'ipo-pipeline';
export const MNA_JOB = 'mna';
export const TOP_INVESTORS_JOB = 'top-investors';

/** The scheduler's ticks for this service; each run reports its counts in `job.completed`. */
@Controller()
export class VcJobsConsumer {
  private readonly logger = new Logger(VcJobsConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly sync: VcSyncJob,
    private readonly rankings: InvestorRankingService,
    private readonly funds: FundsService,
  ) {}

  @EventPattern(tickSubject(VC_SERVICE, SYNC_JOB))
  onSync(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    return this.runSync(event, context, 'sync');
  }

  @EventPattern(tickSubject(VC_SERVICE, ROUNDS_JOB))
  onRounds(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    return this.runSync(event, context, 'rounds');
  }

  @EventPattern(tickSubject(VC_SERVICE, IPO_PIPELINE_JOB))
  onIpoPipeline(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    return this.runSync(event, context, 'ipo-pipeline');
  }

  @EventPattern(tickSubject(VC_SERVICE, MNA_JOB))
  onMna(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    return this.runSync(event, context, 'mna');
  }

  @EventPattern(tickSubject(VC_SERVICE, TOP_INVESTORS_JOB))
  async onTopInvestors(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'top-investors tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, (manager) =>
      this.rankings.publish(manager, new Date(event.data.scheduledFor)),
    );
  }

  private async runSync(
    event: EventEnvelope<TickV1>,
    context: JetStreamContext,
    scope: SyncScope,
  ): Promise<void> {
    this.logger.debug({ msg: `${scope} tick`, runId: event.data.runId });
    await this.jobs.runPrepared(
      context,
      event.data,
      () => this.sync.fetch(scope),
      (manager, fetched) => this.sync.apply(manager, fetched),
    );
    if (scope === 'sync') this.funds.warmInBackground();
  }
}
