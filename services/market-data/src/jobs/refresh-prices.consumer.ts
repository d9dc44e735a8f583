import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { LatestQuoteCache } from '../prices/latest-quote-cache';
import { PriceRefreshService } from '../prices/price-refresh.service';

export const REFRESH_PRICES_JOB = 'refresh-prices';

@Controller()
export class RefreshPricesConsumer {
  private readonly logger = new Logger(RefreshPricesConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly refresh: PriceRefreshService,
    private readonly cache: LatestQuoteCache,
  ) {}

  /** Prices are stamped with the tick's slot, not the clock: a replayed tick gives the same prices. */
  @EventPattern(tickSubject('market-data', REFRESH_PRICES_JOB))
  async onRefreshPrices(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({
      msg: 'refresh-prices tick',
      runId: event.data.runId,
      scheduledFor: event.data.scheduledFor,
    });
    const asOf = new Date(event.data.scheduledFor);
    // Providers are asked before the job's transaction opens; an expired or redelivered tick asks none.
    await this.jobs.runPrepared(
      context,
      event.data,
      () => this.refresh.quote(asOf),
      (manager, round) => this.refresh.apply(manager, round),
    );
    // Committed (or rolled back): readers on this replica see the new prices from now on.
    this.cache.invalidate();
  }
}
