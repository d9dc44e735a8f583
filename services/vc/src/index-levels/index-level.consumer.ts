import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, consumerOptions } from '@marketpulse/messaging';
import { VcConfig } from '../vc.config';
import { IndexLevelsRepository } from './index-levels.repository';

/**
 * Keeps the PME index series from `price.updated`. Every other symbol is acknowledged untouched, without
 * an inbox row: ignoring a price twice is as idempotent as ignoring it once.
 */
@Controller()
export class IndexLevelConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly levels: IndexLevelsRepository,
    private readonly config: VcConfig,
  ) {}

  @EventPattern('price.updated.*', consumerOptions({ concurrency: 32 }))
  async onPriceUpdated(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    if (event.data.symbol !== this.config.VC_PME_INDEX_SYMBOL) return;
    await this.inbox.onceGrouped(context, (manager) => this.levels.record(manager, event.data));
  }
}
