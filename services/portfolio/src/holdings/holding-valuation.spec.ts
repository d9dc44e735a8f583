import type { PricedPosition } from './holdings.repository';
import { valueHoldings } from './holding-valuation';

const now = new Date('2026-11-25T12:00:00Z');
const staleBefore = new Date('2026-11-25T11:45:00Z');
const position = (overrides: Partial<PricedPosition> = {}): PricedPosition => ({
  symbol: 'AAPL',
  currency: 'USD',
  quantity: '10.0000000000',
  cost_basis: '1800.00000000',
  invested: '1800.00000000',
  realised_pnl: '0.00000000',
  dividends: '5.00000000',
  fees: '1.00000000',
  opened_on: '2026-11-01',
  price: '200.00000000',
  price_as_of: now,
  prev_close: '190.00000000',
  synthetic: true,
  fx_rate: '0.8',
  fx_as_of: now,
  ...overrides,
});

describe(valueHoldings.name, () => {
  it('values in the base currency: 10 × 200 USD at 0.8 is 1,600 EUR, cost 1,440, day change 80', () => {
    const [sut] = valueHoldings([position()], staleBefore);
    expect(sut.marketValue!.toFixed()).toBe('1600');
    expect(sut.costBasis!.toFixed()).toBe('1440');
    expect(sut.unrealisedGain!.toFixed()).toBe('160');
    expect(sut.dividends!.toFixed()).toBe('4');
    expect(sut.dayChange!.toFixed()).toBe('80');
    expect(sut.stale).toBe(false);
  });

  it('flags a holding stale when its price or its rate is older than the limit, or missing', () => {
    const old = new Date('2026-11-25T11:00:00Z');
    expect(valueHoldings([position({ price_as_of: old })], staleBefore)[0].stale).toBe(true);
    expect(valueHoldings([position({ fx_as_of: old })], staleBefore)[0].stale).toBe(true);
    const [unpriced] = valueHoldings([position({ fx_rate: null, fx_as_of: null })], staleBefore);
    expect(unpriced).toMatchObject({ stale: true, marketValue: undefined });
    // A closed position has nothing to value, so nothing to be stale about.
    expect(valueHoldings([position({ quantity: '0', price_as_of: old })], staleBefore)[0].stale).toBe(false);
  });
});
