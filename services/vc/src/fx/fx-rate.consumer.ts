import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, FxRateUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, consumerOptions } from '@marketpulse/messaging';
import { FxRatesRepository } from './fx-rates.repository';

/** Keeps the latest rate per pair; the order of arrival does not matter, the newer `asOf` wins. */
@Controller()
export class FxRateConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly rates: FxRatesRepository,
  ) {}

  @EventPattern('fx.rate.updated.*', consumerOptions({ concurrency: 16 }))
  async onFxRateUpdated(
    @Payload() event: EventEnvelope<FxRateUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.inbox.onceGrouped(context, (manager) => this.rates.record(manager, event.data));
  }
}
