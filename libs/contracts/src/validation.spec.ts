import { PriceUpdated } from './events/price-updated.event';
import { Tick } from './events/tick.event';
import { ContractViolationError, validateEnvelope, validatePayload } from './validation';

describe(validatePayload.name, () => {
  it('accepts the contract example', () => {
    expect(validatePayload(PriceUpdated, PriceUpdated.example)).toMatchObject({ symbol: 'XAUUSD' });
  });

  it('names every problem of a bad payload', () => {
    const bad = { ...PriceUpdated.example, symbol: 'xau.usd', price: 12.5, currency: 'usd' };
    expect(() => validatePayload(PriceUpdated, bad)).toThrow(ContractViolationError);
    try {
      validatePayload(PriceUpdated, bad);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/symbol must be upper-case/);
      expect(message).toMatch(/price must be a positive decimal string/);
      expect(message).toMatch(/currency must be an ISO 4217 code/);
    }
  });

  it.each([['0'], ['0.000'], ['-1.5'], ['1e5'], ['12,5'], ['']])('refuses %p as a price', (price) => {
    expect(() => validatePayload(PriceUpdated, { ...PriceUpdated.example, price })).toThrow(/price/);
  });

  it('refuses non-objects and missing fields', () => {
    expect(() => validatePayload(Tick, null)).toThrow(/payload must be an object/);
    expect(() => validatePayload(Tick, [])).toThrow(/payload must be an object/);
    expect(() => validatePayload(Tick, { ...Tick.example, runId: undefined })).toThrow(/runId/);
  });
});

describe(validateEnvelope.name, () => {
  const envelope = {
    id: '2b0f8e1e-8f5c-4f59-9a58-0d3c5f0a9b1c',
    type: 'price.updated',
    version: 1,
    occurredAt: '2026-11-23T09:00:00.000Z',
    producer: 'market-data',
    correlationId: 'abc',
    causationId: null,
    data: {},
  };

  it('accepts a complete envelope', () => {
    expect(validateEnvelope(envelope)).toBe(envelope);
  });

  it.each([
    ['id', 'not-a-uuid'],
    ['version', 0],
    ['occurredAt', 'yesterday'],
    ['producer', ''],
    ['data', 'text'],
  ])('refuses a bad %s', (field, value) => {
    expect(() => validateEnvelope({ ...envelope, [field]: value })).toThrow(ContractViolationError);
  });

  it('refuses a body that is not an object', () => {
    expect(() => validateEnvelope('hello')).toThrow(/must be a JSON object/);
  });
});
