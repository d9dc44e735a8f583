import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, PermanentError, consumerOptions } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';

/**
 * What the probe's handler does depends on the symbol, so one test can line up the cases a consumer must
 * survive: `BOOM` always throws, `REJECT` is refused for good, `LOSTACK` commits then fails once (as if the
 * ack were lost), `SLOW` takes a while; anything else is recorded once through the inbox.
 */
@Injectable()
export class ProbeBehaviour {
  slowMs = 800;
  /** Symbols refused for good (PermanentError) until a test takes them out again. */
  readonly refused = new Set<string>();

  async handle(
    event: EventEnvelope<PriceUpdatedV1>,
    context: JetStreamContext,
    inbox: InboxService,
  ): Promise<void> {
    const { symbol } = event.data;
    if (symbol === 'BOOM') throw new Error('handler exploded on purpose');
    if (symbol === 'REJECT') throw new PermanentError('this event can never be handled');
    if (this.refused.has(symbol)) throw new PermanentError(`${symbol} is refused for now`);
    if (symbol === 'SLOW') await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    await inbox.once(context, (manager: EntityManager) =>
      manager.query('INSERT INTO probe.effects (event_id, symbol, delivery) VALUES ($1, $2, $3)', [
        event.id,
        symbol,
        context.deliveryCount,
      ]),
    );
    if (symbol === 'LOSTACK' && context.deliveryCount === 1) throw new Error('ack lost after commit');
  }
}

@Controller()
export class ProbeConsumer {
  constructor(
    private readonly behaviour: ProbeBehaviour,
    private readonly inbox: InboxService,
  ) {}

  @EventPattern('price.updated.*', consumerOptions({ maxDeliver: 3 }))
  async onPrice(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.behaviour.handle(event, context, this.inbox);
  }
}
