import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, PredictionDueV1 } from '@marketpulse/contracts';
import { JetStreamContext, consumerOptions } from '@marketpulse/messaging';
import { PredictionVerifier } from './prediction-verifier.service';

/** Many due events in flight at once (two batches of 256), so that the verifier gets them in batches. */
@Controller()
export class PredictionDueConsumer {
  constructor(private readonly verifier: PredictionVerifier) {}

  @EventPattern('prediction.due', consumerOptions({ concurrency: 512 }))
  async onPredictionDue(
    @Payload() event: EventEnvelope<PredictionDueV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.verifier.batch.submit(context, event.data);
  }
}
