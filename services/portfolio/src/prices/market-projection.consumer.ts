import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, FxRateUpdatedV1, PriceUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, consumerOptions, type InboxBatch } from '@marketpulse/messaging';
import { ValuationService } from '../valuation/valuation.service';
import { ValuedPublisher } from '../valuation/valued.publisher';
import { MarketProjectionRepository } from './market-projection.repository';

/**
 * Keeps the price and FX projection and revalues what the changes touch. Events delivered together are
 * handled as one batch in one transaction (one upsert, one revaluation UPDATE for the whole burst). One
 * lane: two batches revaluing overlapping portfolios at once would only wait on each other's row locks.
 */
@Controller()
export class MarketProjectionConsumer {
  private readonly logger = new Logger(MarketProjectionConsumer.name);
  private readonly prices: InboxBatch<PriceUpdatedV1>;
  private readonly rates: InboxBatch<FxRateUpdatedV1>;

  constructor(
    inbox: InboxService,
    private readonly projection: MarketProjectionRepository,
    private readonly valuation: ValuationService,
    private readonly publisher: ValuedPublisher,
  ) {
    this.prices = inbox.batch<PriceUpdatedV1>(
      async (manager, prices) => {
        const symbols = await this.projection.recordPrices(manager, prices);
        if (symbols.length > 0) {
          const outcome = await this.valuation.revalue(manager, { kind: 'symbols', symbols }, new Date());
          this.logger.debug({
            msg: 'prices applied',
            events: prices.length,
            symbols: symbols.length,
            ...outcome,
          });
        }
        return prices.map(() => undefined);
      },
      { lanes: 1, maxBatch: 256, lingerMs: 20 },
    );
    this.rates = inbox.batch<FxRateUpdatedV1>(
      async (manager, rates) => {
        const pairs = await this.projection.recordRates(manager, rates);
        if (pairs.length > 0) await this.valuation.revalue(manager, { kind: 'foreign' }, new Date());
        return rates.map(() => undefined);
      },
      { lanes: 1, maxBatch: 256, lingerMs: 20 },
    );
  }

  @EventPattern('price.updated.*', consumerOptions({ concurrency: 256 }))
  async onPriceUpdated(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.publisher.during(() => this.prices.submit(context, event.data));
    this.publisher.kick();
  }

  @EventPattern('fx.rate.updated.*', consumerOptions({ concurrency: 64 }))
  async onFxRateUpdated(
    @Payload() event: EventEnvelope<FxRateUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.publisher.during(() => this.rates.submit(context, event.data));
    this.publisher.kick();
  }
}
