import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, VcIpoUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext } from '@marketpulse/messaging';
import { ListingsRepository } from './listings.repository';

/**
 * The VC service's IPO pipeline reaching `listed`: market-data starts tracking the ticker. Other stage
 * changes are not market-data's business and are acknowledged untouched.
 */
@Controller()
export class ListingConsumer {
  private readonly logger = new Logger(ListingConsumer.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly listings: ListingsRepository,
  ) {}

  @EventPattern('vc.ipo.updated')
  async onIpoUpdated(
    @Payload() event: EventEnvelope<VcIpoUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const { toStage, ticker, price } = event.data;
    if (toStage !== 'listed' || !ticker || !price) return;
    const added = await this.inbox.once(context, (manager) =>
      this.listings.track(manager, { ...event.data, ticker, price }),
    );
    if (added)
      this.logger.log({ msg: 'tracking a new listing', symbol: ticker, company: event.data.companyName });
  }
}
