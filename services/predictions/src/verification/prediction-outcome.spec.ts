import { parseCondition } from '../conditions';
import { decideOutcome, type DuePrediction } from './prediction-outcome';

const verifyAt = new Date('2026-11-24T16:00:00.000Z');
const rules = { maxPriceAgeMs: 5 * 60_000, graceMs: 60 * 60_000 };

function prediction(conditions: string[]): DuePrediction {
  return {
    id: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    symbol: 'XAUUSD',
    verifyAt,
    priceAtCreate: '2000',
    options: conditions.map((condition, index) => ({
      option: index + 1,
      condition: parseCondition(condition),
    })),
  };
}

const threeWay = prediction([
  'price_change_percent < 0',
  'price_change_percent >= 0 AND price_change_percent < 0.5',
  'price_change_percent >= 0.5',
]);
const priceAt = (price: string, asOf: Date) => ({
  symbol: 'XAUUSD',
  price,
  currency: 'USD',
  asOf,
  synthetic: true,
});
const after = (ms: number) => new Date(verifyAt.getTime() + ms);

describe(decideOutcome.name, () => {
  it('picks the one option whose condition holds on the rounded change', () => {
    // 2009.99 is +0.4995 %, which rounds half-to-even to 0.50: the third option, not the second.
    const sut = decideOutcome(threeWay, priceAt('2009.99', after(-1000)), after(1000), rules);
    expect(sut).toEqual(
      expect.objectContaining({ kind: 'verified', winningOption: 3, changePercent: '0.50' }),
    );
  });

  it('treats exactly 0 as the option that includes it', () => {
    const sut = decideOutcome(threeWay, priceAt('2000', verifyAt), after(1000), rules);
    expect(sut).toEqual(
      expect.objectContaining({ kind: 'verified', winningOption: 2, changePercent: '0.00' }),
    );
  });

  it('accepts a price exactly max-age old, and waits for one a millisecond older', () => {
    const edge = decideOutcome(threeWay, priceAt('1990', after(-rules.maxPriceAgeMs)), after(1000), rules);
    expect(edge.kind).toBe('verified');
    const stale = decideOutcome(
      threeWay,
      priceAt('1990', after(-rules.maxPriceAgeMs - 1)),
      after(1000),
      rules,
    );
    expect(stale).toEqual({
      kind: 'wait',
      reason:
        'waiting for a price: no XAUUSD price at most 300 s before verifyAt 2026-11-24T16:00:00.000Z ' +
        '(the last one at or before it is from 2026-11-24T15:54:59.999Z)',
    });
  });

  it('waits while no price is known, and voids after the grace period', () => {
    expect(decideOutcome(threeWay, undefined, after(rules.graceMs), rules).kind).toBe('wait');
    expect(decideOutcome(threeWay, undefined, after(rules.graceMs + 1), rules)).toEqual({
      kind: 'void',
      reason:
        'no XAUUSD price at most 300 s before verifyAt 2026-11-24T16:00:00.000Z (none seen) within the 3600 s grace period',
    });
  });

  it('voids rather than guesses when raw-price and rounded-percent conditions disagree at the edge', () => {
    // 2000.0999 is +0.004995 %, rounded to 0.00: option 1 (percent <= 0) holds, and so does option 2 (price > 2000).
    const split = prediction(['price_change_percent <= 0', 'price > 2000']);
    const sut = decideOutcome(split, priceAt('2000.0999', verifyAt), after(1000), rules);
    expect(sut).toEqual({
      kind: 'void',
      reason: 'options 1, 2 matched price_change_percent = 0.00 (price 2000.0999): the outcome is ambiguous',
    });
  });
});
