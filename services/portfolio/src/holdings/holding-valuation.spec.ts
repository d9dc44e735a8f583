import type { PricedPosition } from './holdings.repository';
import { valueHoldings } from './holding-valuation';

const now = new Date('2026-11-25T12:00:00Z');
const staleBefore = new Date('2026-11-25T11:45:00Z');
const today = '2026-11-25';
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
  last_trade_day: '2026-11-01',
  pre_trade_quantity: '0.0000000000',
  trade_day_flow: '1800.00000000',
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
    const [sut] = valueHoldings([position()], staleBefore, today);
    expect(sut.marketValue!.toFixed()).toBe('1600');
    expect(sut.costBasis!.toFixed()).toBe('1440');
    expect(sut.unrealisedGain!.toFixed()).toBe('160');
    expect(sut.dividends!.toFixed()).toBe('4');
    expect(sut.dayChange!.toFixed()).toBe('80');
    expect(sut.stale).toBe(false);
  });

  it('flags a holding stale when its price or its rate is older than the limit, or missing', () => {
    const old = new Date('2026-11-25T11:00:00Z');
    expect(valueHoldings([position({ price_as_of: old })], staleBefore, today)[0].stale).toBe(true);
    expect(valueHoldings([position({ fx_as_of: old })], staleBefore, today)[0].stale).toBe(true);
    const [unpriced] = valueHoldings([position({ fx_rate: null, fx_as_of: null })], staleBefore, today);
    expect(unpriced).toMatchObject({ stale: true, marketValue: undefined });
    // A closed position has nothing to value, so nothing to be stale about.
    expect(valueHoldings([position({ quantity: '0', price_as_of: old })], staleBefore, today)[0].stale).toBe(
      false,
    );
  });

  it('takes a position bought today from its trade price, not from the previous close', () => {
    // 10 held at the close of 190, 5 more bought today at 195 (975 in), now 200:
    // 15 × 200 − 10 × 190 − 975 = 125 USD, 100 EUR (the symbol's move alone would say 15 × 10 = 150 USD).
    const [sut] = valueHoldings(
      [
        position({
          quantity: '15',
          last_trade_day: today,
          pre_trade_quantity: '10',
          trade_day_flow: '975',
        }),
      ],
      staleBefore,
      today,
    );
    expect(sut.dayChange!.toFixed()).toBe('100');
    // Opened today: no previous close needed.
    const [opened] = valueHoldings(
      [
        position({
          last_trade_day: today,
          pre_trade_quantity: '0',
          trade_day_flow: '1950',
          prev_close: null,
        }),
      ],
      staleBefore,
      today,
    );
    expect(opened.dayChange!.toFixed()).toBe('40'); // (10 × 200 − 1,950) × 0.8
  });

  it('does not price the shares of a split today at the pre-split close', () => {
    // 10 held at the close of 190; 2-for-1 today; now 20 at 100: 2,000 − 1,900 = 100 USD, 80 EUR.
    const [sut] = valueHoldings(
      [
        position({
          quantity: '20',
          price: '100',
          last_trade_day: today,
          pre_trade_quantity: '10',
          trade_day_flow: '0',
        }),
      ],
      staleBefore,
      today,
    );
    expect(sut.dayChange!.toFixed()).toBe('80');
  });
});
