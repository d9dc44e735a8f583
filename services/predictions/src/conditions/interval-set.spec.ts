import Decimal from 'decimal.js';
import { complement, formatInterval, intersect, union } from './interval-set';
import type { Interval, IntervalSet } from './interval-set';

// Test intervals written as text: '(0, 1]', '[2, ∞)'.
function interval(text: string): Interval {
  const match = /^([[(])(-?[\d.]+), (-?[\d.]+|∞)([\])])$/.exec(text);
  if (!match) throw new Error(`bad interval ${text}`);
  return {
    lower: new Decimal(match[2]),
    lowerClosed: match[1] === '[',
    upper: match[3] === '∞' ? null : new Decimal(match[3]),
    upperClosed: match[4] === ']',
  };
}

const set = (...texts: string[]): IntervalSet => texts.map(interval);
const texts = (result: IntervalSet) => result.map(formatInterval);
const domain = interval('(-100, ∞)');

describe(union.name, () => {
  it('sorts, merges what overlaps or touches, and drops empty intervals', () => {
    expect(texts(union(set('[2, 3]', '(0, 1)'), set('[1, 2)', '(5, 5)', '(4, 6]', '[6, ∞)')))).toEqual([
      '(0, 3]',
      '(4, ∞)',
    ]);
  });

  it('keeps intervals apart that meet at a point neither holds', () => {
    expect(texts(union(set('(0, 1)', '(1, 2)')))).toEqual(['(0, 1)', '(1, 2)']);
  });
});

describe(intersect.name, () => {
  it('keeps what both sets hold, down to a single point', () => {
    expect(texts(intersect(set('(0, 2]', '[3, ∞)'), set('[2, 5)')))).toEqual(['[2, 2]', '[3, 5)']);
    expect(texts(intersect(set('(0, 2)'), set('[2, 5)')))).toEqual([]);
  });
});

describe(complement.name, () => {
  it('flips open and closed ends within the domain', () => {
    expect(texts(complement(set('[-0.5, 0)', '[1, 1]'), domain))).toEqual([
      '(-100, -0.5)',
      '[0, 1)',
      '(1, ∞)',
    ]);
    expect(texts(complement(set('(-100, 5]'), domain))).toEqual(['(5, ∞)']);
    expect(texts(complement(set('(-100, ∞)'), domain))).toEqual([]);
    expect(texts(complement([], domain))).toEqual(['(-100, ∞)']);
  });
});

describe(formatInterval.name, () => {
  it('prints numbers without trailing zeros or exponents', () => {
    expect(formatInterval(interval('[-0.50, 1.000)'))).toBe('[-0.5, 1)');
    expect(formatInterval({ ...domain, upper: new Decimal('1e-7'), upperClosed: true })).toBe(
      '(-100, 0.0000001]',
    );
  });
});
