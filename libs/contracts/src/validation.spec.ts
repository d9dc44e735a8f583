import { PriceUpdated } from './events/price-updated.event';
import { Tick } from './events/tick.event';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EventEnvelopeSchema } from './envelope';
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

  it.each([
    ['a valid envelope', {}],
    ['a v4 id in capitals', { id: '2B0F8E1E-8F5C-4F59-9A58-0D3C5F0A9B1C' }],
    ['an offset date', { occurredAt: '2026-11-23T10:00:00+01:00' }],
    ['a causation id', { causationId: 'evt-1' }],
    ['no causation id', { causationId: undefined }],
    ['a non-uuid id', { id: '12345' }],
    ['a date without time', { occurredAt: '2026-11-23' }],
    ['an impossible date', { occurredAt: '2026-13-45T10:00:00Z' }],
    ['a fractional version', { version: 1.5 }],
    ['a numeric producer', { producer: 7 }],
    ['an empty correlation id', { correlationId: '' }],
    ['a numeric causation id', { causationId: 5 }],
    ['array data', { data: [] }],
  ])('agrees with EventEnvelopeSchema (the documented rules) on %s', (_, change) => {
    const candidate = { ...envelope, ...change };
    const documented = validateSync(plainToInstance(EventEnvelopeSchema, candidate)).length === 0;
    let fast = true;
    try {
      validateEnvelope(candidate);
    } catch {
      fast = false;
    }
    expect(fast).toBe(documented);
  });
});
