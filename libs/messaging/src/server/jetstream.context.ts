import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@marketpulse/contracts';
import type { JsMsg } from '@nats-io/jetstream';

type Args = [subject: string, message: JsMsg, envelope: EventEnvelope, consumer: string];

/** What a handler can learn about the message in hand, via `@Ctx()`. */
export class JetStreamContext extends BaseRpcContext<Args> {
  /** Set by the inbox when the event had already been handled. */
  duplicate = false;

  /** The catalogue subject (namespace stripped). */
  get subject(): string {
    return this.args[0];
  }
  get message(): JsMsg {
    return this.args[1];
  }
  get envelope(): EventEnvelope {
    return this.args[2];
  }
  /** The durable consumer this handler reads from; the inbox keys on it. */
  get consumer(): string {
    return this.args[3];
  }
  get deliveryCount(): number {
    return this.args[1].info.deliveryCount;
  }
}
