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

  it('does not count (+, 0, −) or (−, 0, +) as a cross: no two consecutive bars have opposite signs', () => {
    expect(crossovers(series(1, 0, -1), zero)).toEqual([]);
    expect(crossovers(series(-1, 0, 1), zero)).toEqual([]);
    expect(crossovers(series(-1, 0, 0, 0, 2), zero)).toEqual([]);
  });

  it('sees the flip after a zero bar only when it is itself between two consecutive bars', () => {
    // d: +, 0, −, + → bars 1 and 2 are (0, −): nothing; bars 2 and 3 are (−, +): a cross up at 3.
    expect(crossovers(series(1, 0, -1, 1), zero)).toEqual([{ index: 3, direction: 'up' }]);
  });

  it('forgets the side across a gap, where what happened is unknown', () => {
    expect(crossovers(series(1, null, -1), zero)).toEqual([]);
    expect(crossovers(series(1, null, -1, 1), zero)).toEqual([{ index: 3, direction: 'up' }]);
    expect(crossovers(series(null, null, 1, -1), zero)).toEqual([{ index: 3, direction: 'down' }]);
  });

  it('compares two series bar by bar', () => {
    const slow = series(null, 3, 3, 3);
    // Bar 0 has no slow value; d on bars 1-3: −1, 0, +1, i.e. (−, 0, +): not a cross.
    expect(crossovers(series(1, 2, 3, 4), slow)).toEqual([]);
    // d on bars 1-3: −1, +1, +1: the sign flips between bars 1 and 2.
    expect(crossovers(series(1, 2, 4, 4), slow)).toEqual([{ index: 2, direction: 'up' }]);
  });

  it('compares a series with a fixed level', () => {
    // d = value − 70: −5, −0.01, 0, +0.01, −1. Bar 3 follows a zero bar, so the rise through 70 over bars
    // 2-3 is not a cross; bars 3 and 4 are (+, −): a cross down at 4.
    expect(crossovers(series(65, 69.99, 70, 70.01, 69), new IndicatorDecimal(70))).toEqual([
      { index: 4, direction: 'down' },
    ]);
  });
});
