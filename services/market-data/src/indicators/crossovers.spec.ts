import { crossovers } from './crossovers';
import { IndicatorDecimal } from './indicator-decimal';
import type { DecimalSeries } from './series';

/** A series of differences against a zero slow line: the sign pattern is what matters. */
const series = (...values: (number | null)[]): DecimalSeries =>
  values.map((value) => (value === null ? null : new IndicatorDecimal(value)));
const zero = new IndicatorDecimal(0);

describe(crossovers.name, () => {
  it('sees a cross in each direction on the bar where the sign flips', () => {
    expect(crossovers(series(-2, -1, 1, 2, -3), zero)).toEqual([
      { index: 2, direction: 'up' },
      { index: 4, direction: 'down' },
    ]);
  });

  it('never signals on the first bar, whatever side it starts on', () => {
    expect(crossovers(series(5), zero)).toEqual([]);
    expect(crossovers(series(5, 6, 7), zero)).toEqual([]);
    expect(crossovers(series(0, 1), zero)).toEqual([]);
  });

  it('does not count touching zero as a cross', () => {
    expect(crossovers(series(1, 0, 1), zero)).toEqual([]);
    expect(crossovers(series(-1, 0, 0, -1), zero)).toEqual([]);
  });

  it('counts passing through zero as one cross, on the first bar on the other side', () => {
    expect(crossovers(series(1, 0, -1), zero)).toEqual([{ index: 2, direction: 'down' }]);
    expect(crossovers(series(-1, 0, 0, 0, 2), zero)).toEqual([{ index: 4, direction: 'up' }]);
  });

  it('forgets the side across a gap, where what happened is unknown', () => {
    expect(crossovers(series(1, null, -1), zero)).toEqual([]);
    expect(crossovers(series(1, null, -1, 1), zero)).toEqual([{ index: 3, direction: 'up' }]);
    expect(crossovers(series(null, null, 1, -1), zero)).toEqual([{ index: 3, direction: 'down' }]);
  });

  it('compares two series bar by bar', () => {
    const fast = series(1, 2, 3, 4);
    const slow = series(null, 3, 3, 3);
    // Bar 0 has no slow value; bar 1 below, bar 2 equal (no side), bar 3 above.
    expect(crossovers(fast, slow)).toEqual([{ index: 3, direction: 'up' }]);
  });

  it('compares a series with a fixed level', () => {
    expect(crossovers(series(65, 69.99, 70, 70.01, 69), new IndicatorDecimal(70))).toEqual([
      { index: 3, direction: 'up' },
      { index: 4, direction: 'down' },
    ]);
  });
});
