import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, consumerOptions } from '@marketpulse/messaging';
import { PriceProjectionRepository } from './price-projection.repository';

/**
 * Keeps the price projection. Prices are frequent and each is one insert, so they share transactions
 * (group commit) and run many at a time; order does not matter, an observation is keyed by its instant.
 */
@Controller()
export class PriceProjectionConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly prices: PriceProjectionRepository,
  ) {}

  @EventPattern('price.updated.*', consumerOptions({ concurrency: 64 }))
  async onPriceUpdated(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.inbox.onceGrouped(context, (manager) => this.prices.record(manager, event.data));
  }
}
