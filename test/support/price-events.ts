import type { INestApplication } from '@nestjs/common';
import { PriceUpdated, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { JetStreamPublisher, buildEvent } from '@marketpulse/messaging';

/** A valid `price.updated` payload for tests; the symbol picks the probe's behaviour. */
export function testPrice(symbol: string, overrides: Partial<PriceUpdatedV1> = {}): PriceUpdatedV1 {
  return {
    symbol,
    price: '100.50',
    currency: 'USD',
    asOf: new Date().toISOString(),
    source: 'test',
    synthetic: true,
    ...overrides,
  };
}

/** Publishes a price through the service's own publisher (namespace and all); returns the event id. */
export async function publishPrice(app: INestApplication, symbol: string): Promise<string> {
  const event = buildEvent(PriceUpdated, testPrice(symbol), 'test');
  await app.get(JetStreamPublisher).publish({
    subject: event.subject,
    data: JSON.stringify(event.envelope),
    msgId: event.envelope.id,
    headers: event.headers,
  });
  return event.envelope.id;
}
