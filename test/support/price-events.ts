import type { INestApplication } from '@nestjs/common';
import { PriceUpdated, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { publishEvent } from './publish-event';

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
export function publishPrice(
  app: INestApplication,
  symbol: string,
  overrides: Partial<PriceUpdatedV1> = {},
): Promise<string> {
  return publishEvent(app, PriceUpdated, testPrice(symbol, overrides));
}
