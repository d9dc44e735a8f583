import { insaneQuote } from './price-sanity';

describe(insaneQuote.name, () => {
  it('accepts a positive price with no previous one, and ordinary moves', () => {
    expect(insaneQuote('2360.85', undefined, 100)).toBeUndefined();
    expect(insaneQuote('110', '100', 100)).toBeUndefined();
    expect(insaneQuote('0.02', '1', 100)).toBeUndefined();
  });

  it('rejects zero, negatives and non-numbers', () => {
    expect(insaneQuote('0', undefined, 100)).toBe('not-positive');
    expect(insaneQuote('0.00', '12.5', 100)).toBe('not-positive');
    expect(insaneQuote('-3.10', '3.10', 100)).toBe('not-positive');
    expect(insaneQuote('NaN', '3.10', 100)).toBe('not-a-number');
    expect(insaneQuote('Infinity', undefined, 100)).toBe('not-a-number');
    expect(insaneQuote('N/D', undefined, 100)).toBe('not-a-number');
  });

  it('rejects a jump of the band factor or more either way, and accepts just inside it', () => {
    // 100 × 2.5 = 250: exactly 100x is out; 249.99 is 99.996x, in. 2.5 / 100 = 0.025: the same downwards.
    expect(insaneQuote('250', '2.5', 100)).toBe('jump');
    expect(insaneQuote('249.99', '2.5', 100)).toBeUndefined();
    expect(insaneQuote('0.025', '2.5', 100)).toBe('jump');
    expect(insaneQuote('0.0251', '2.5', 100)).toBeUndefined();
  });

  it('follows the configured factor', () => {
    expect(insaneQuote('30', '10', 3)).toBe('jump');
    expect(insaneQuote('29.9', '10', 3)).toBeUndefined();
  });
});
