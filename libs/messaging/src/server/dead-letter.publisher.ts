import { Injectable, Logger } from '@nestjs/common';
import { HEADERS } from '@marketpulse/contracts';
import { MetricsService } from '@marketpulse/observability';
import type { JsMsg } from '@nats-io/jetstream';
import { JetStreamPublisher } from '../publishing/jetstream.publisher';

export type DeadLetterKind = 'invalid' | 'max_deliver' | 'permanent';

/**
 * Parks a message on `dlq.<durable>` in the DLQ stream: the original bytes and headers, plus why, where
 * it came from and how often it was tried. The dedupe id is the original stream position, so parking the
 * same message twice (a crash between park and ack) stores it once.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger('DeadLetter');

  constructor(
    private readonly publisher: JetStreamPublisher,
    private readonly metrics: MetricsService,
  ) {}

  async park(
    message: JsMsg,
    subject: string,
    consumer: string,
    kind: DeadLetterKind,
    reason: string,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const key of message.headers?.keys() ?? []) {
      if (key !== HEADERS.msgId) headers[key] = message.headers!.get(key);
    }
    Object.assign(headers, {
      [HEADERS.dlqReason]: `${kind}: ${reason}`.slice(0, 4000).replace(/[\r\n]+/g, ' '),
      [HEADERS.dlqSubject]: subject,
      [HEADERS.dlqStream]: message.info.stream,
      [HEADERS.dlqStreamSeq]: String(message.seq),
      [HEADERS.dlqConsumer]: consumer,
      [HEADERS.dlqDeliveryCount]: String(message.info.deliveryCount),
      [HEADERS.dlqFailedAt]: new Date().toISOString(),
    });
    await this.publisher.publish({
      subject: `dlq.${consumer}`,
      data: message.data,
      msgId: `dlq:${message.info.stream}:${message.seq}:${consumer}`,
      headers,
    });
    this.metrics.eventsDeadLettered.inc({ subject, consumer, reason: kind });
    this.logger.warn({
      msg: 'event dead-lettered',
      subject,
      consumer,
      kind,
      reason,
      deliveries: message.info.deliveryCount,
    });
  }
}
