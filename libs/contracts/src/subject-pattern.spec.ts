import { patternCovers, subjectMatches } from './subject-pattern';

describe(subjectMatches.name, () => {
  it.each([
    ['price.updated.*', 'price.updated.XAUUSD', true],
    ['price.updated.*', 'price.updated', false],
    ['price.updated.*', 'price.updated.XAUUSD.extra', false],
    ['price.>', 'price.updated.XAUUSD', true],
    ['price.>', 'price', false],
    ['tick.*.*', 'tick.market-data.refresh-prices', true],
    ['job.completed', 'job.completed', true],
    ['job.completed', 'job.failed', false],
  ])('%s matches %s: %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe(patternCovers.name, () => {
  it.each([
    ['price.>', 'price.updated.*', true],
    ['tick.>', 'tick.market-data.refresh-prices', true],
    ['job.>', 'job.completed', true],
    ['price.updated.*', 'price.>', false],
    ['price.>', 'candle.closed.*', false],
    ['tick.*.x', 'tick.*.*', false],
    ['tick.*.*', 'tick.a.b', true],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });
});
