import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import { JetStreamContext, consumerOptions } from '@marketpulse/messaging';
import { LatestQuoteBucket } from './latest-quote-bucket';

/**
 * Fills the latest-quote bucket from the service's own published prices: the bucket then holds exactly
 * what subscribers were told, only after the price's transaction committed, and a NATS outage at refresh
 * time delays the bucket (redelivery) without touching the refresh. Storing is idempotent, so no inbox.
 */
@Controller()
export class LatestQuoteCacheConsumer {
  constructor(private readonly bucket: LatestQuoteBucket) {}

  // A new durable starts at new prices: replaying a week of them would end in the same latest quotes.
  @EventPattern('price.updated.*', consumerOptions({ concurrency: 16, deliverPolicy: 'new' }))
  async onPriceUpdated(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() _context: JetStreamContext,
  ): Promise<void> {
    await this.bucket.offer(event.data);
  }
}
