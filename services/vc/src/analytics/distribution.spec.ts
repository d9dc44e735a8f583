import Decimal from 'decimal.js';
import { distribution, quantile } from './distribution';

const d = (...values: number[]) => values.map((value) => new Decimal(value));

describe('distribution', () => {
  // Worked example: R `quantile(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), type = 7)` gives 3.25, 5.5, 7.75; Excel's
  // QUARTILE.INC gives the same.
  it('computes quartiles by linear interpolation (type 7)', () => {
    const values = d(10, 3, 1, 7, 2, 9, 4, 6, 5, 8);
    const sut = distribution(values);
    expect(sut.count).toBe(10);
    expect(sut.total.toString()).toBe('55');
    expect(sut.mean?.toString()).toBe('5.5');
    expect(sut.median?.toString()).toBe('5.5');
    expect(sut.lowerQuartile?.toString()).toBe('3.25');
    expect(sut.upperQuartile?.toString()).toBe('7.75');
  });

  it('takes the middle value of an odd count as the median', () => {
    expect(distribution(d(5000000, 1000000, 2500000)).median?.toString()).toBe('2500000');
  });

  it('has no mean or median for no values', () => {
    expect(distribution([])).toEqual({ count: 0, total: new Decimal(0) });
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it('keeps decimal precision (no binary-float drift)', () => {
    expect(distribution(d(0.1, 0.2)).total.toString()).toBe('0.3');
  });
});
