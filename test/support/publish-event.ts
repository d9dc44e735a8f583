import type { INestApplication } from '@nestjs/common';
import type { EventContract } from '@marketpulse/contracts';
import { JetStreamPublisher, buildEvent, type PublishOptions } from '@marketpulse/messaging';

/**
 * Publishes a valid event through a running service's own publisher (its namespace and all), as another
 * service would; returns the event id.
 */
export async function publishEvent<P extends object>(
  app: INestApplication,
  contract: EventContract<P>,
  payload: P,
  options?: PublishOptions,
): Promise<string> {
  const event = buildEvent(contract, payload, 'test', options);
  await app.get(JetStreamPublisher).publish({
    subject: event.subject,
    data: JSON.stringify(event.envelope),
    msgId: event.envelope.id,
    headers: event.headers,
  });
  return event.envelope.id;
}

/** Publishes a body as it is, valid or not, on a subject of the service's namespace. */
export async function publishRaw(
  app: INestApplication,
  subject: string,
  body: unknown,
  msgId: string,
): Promise<void> {
  await app.get(JetStreamPublisher).publish({ subject, data: JSON.stringify(body), msgId });
}
