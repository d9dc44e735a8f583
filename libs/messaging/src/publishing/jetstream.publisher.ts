import { Injectable } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/nats-core';
import type { PubAck } from '@nats-io/jetstream';
import { MetricsService } from '@marketpulse/observability';
import { JetStreamConnection } from '../connection/jetstream.connection';

export interface RawPublish {
  subject: string;
  data: Uint8Array | string;
  msgId: string;
  headers?: Record<string, string>;
}

const RETRYABLE = /no responders|timeout|timed out|503|disconnect|connection/i;

/**
 * The one place that publishes to JetStream. Every message carries `Nats-Msg-Id`, so a retry after an
 * unanswered publish cannot store it twice. Retries briefly on "no responders" (a stream leader
 * election or a server restart); what still fails is the caller's to keep (the outbox keeps its rows).
 */
@Injectable()
export class JetStreamPublisher {
  constructor(
    private readonly connection: JetStreamConnection,
    private readonly metrics: MetricsService,
  ) {}

  async publish(message: RawPublish, attempts = 3): Promise<PubAck> {
    const wireSubject = this.connection.namespace.subject(message.subject);
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(message.headers ?? {})) headers.set(key, value);
    for (let attempt = 1; ; attempt++) {
      try {
        const ack = await this.connection.js.publish(wireSubject, message.data, {
          msgID: message.msgId,
          headers,
          timeout: 5000,
        });
        if (!ack.duplicate) this.metrics.eventsPublished.inc({ subject: message.subject });
        return ack;
      } catch (error) {
        if (attempt >= attempts || !RETRYABLE.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}
