import { IndicatorDecimal } from './indicator-decimal';
import { rollingExtreme } from './rolling-extremes';

describe(rollingExtreme.name, () => {
  it('takes the extreme of each full window ending at each index', () => {
    const values = [5, 3, 8, 1, 4, 4, 2, 9].map((value) => new IndicatorDecimal(value));
    const text = (kind: 'max' | 'min') =>
      rollingExtreme(values, 3, kind).map((value) => value?.toString() ?? null);
    expect(text('max')).toEqual([null, null, '8', '8', '8', '4', '4', '9']);
    expect(text('min')).toEqual([null, null, '3', '1', '1', '1', '2', '2']);
  });

  it('agrees with a direct scan of every window', () => {
    // A deterministic zig-zag with repeats, long enough for many evictions.
    const values = Array.from({ length: 400 }, (_, index) => new IndicatorDecimal((index * 37) % 101));
    const max = rollingExtreme(values, 25, 'max');
    const min = rollingExtreme(values, 25, 'min');
    for (let index = 24; index < values.length; index++) {
      const window = values.slice(index - 24, index + 1);
      expect(max[index]!.eq(IndicatorDecimal.max(...window))).toBe(true);
      expect(min[index]!.eq(IndicatorDecimal.min(...window))).toBe(true);
    }
  });
});
