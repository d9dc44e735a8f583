import { ContractViolationError, PriceUpdated } from '@marketpulse/contracts';
import { traceContext } from '@marketpulse/observability';
import { buildEvent } from './envelope.factory';
import { deterministicEventId } from './event-id';

describe(buildEvent.name, () => {
  it('wraps a valid payload in an envelope and mirrors it in headers', () => {
    const sut = buildEvent(PriceUpdated, PriceUpdated.example, 'market-data');
    expect(sut.subject).toBe('price.updated.XAUUSD');
    expect(sut.envelope).toMatchObject({
      type: 'price.updated',
      version: 1,
      producer: 'market-data',
      causationId: null,
    });
    expect(sut.envelope.correlationId).toBe(sut.envelope.id);
    expect(sut.headers['Mp-Type']).toBe('price.updated');
  });

  it('refuses to publish a payload that breaks its contract', () => {
    expect(() => buildEvent(PriceUpdated, { ...PriceUpdated.example, price: 'free' }, 'market-data')).toThrow(
      ContractViolationError,
    );
  });

  it('takes correlation and causation from the work in progress', () => {
    const sut = traceContext.run({ correlationId: 'req-1', causationId: 'evt-9' }, () =>
      buildEvent(PriceUpdated, PriceUpdated.example, 'market-data'),
    );
    expect(sut.envelope).toMatchObject({ correlationId: 'req-1', causationId: 'evt-9' });
    expect(sut.headers['Mp-Causation-Id']).toBe('evt-9');
  });
});

describe(deterministicEventId.name, () => {
  it('gives the same RFC 4122 v5 uuid for the same name, and another for another name', () => {
    const a = deterministicEventId('tick:market-data.refresh-prices@2026-11-23T09:00:05.000Z');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('tick:market-data.refresh-prices@2026-11-23T09:00:05.000Z')).toBe(a);
    expect(deterministicEventId('tick:market-data.refresh-prices@2026-11-23T09:00:10.000Z')).not.toBe(a);
  });
});
