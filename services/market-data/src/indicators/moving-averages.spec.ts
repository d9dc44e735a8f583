import Decimal from 'decimal.js';
import { ema, sma } from './moving-averages';

/**
 * StockCharts ChartSchool, "Moving Averages - Simple and Exponential" (cs-movavg.xls): Intel daily closes
 * 24-Mar-2010 to 5-May-2010 and the 10-day SMA and EMA, both from the 10th close on.
 * https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-overlays/moving-averages-simple-and-exponential
 */
// prettier-ignore
const INTEL = [
  '22.27', '22.19', '22.08', '22.17', '22.18', '22.13', '22.23', '22.43', '22.24', '22.29', '22.15', '22.39',
  '22.38', '22.61', '23.36', '24.05', '23.75', '23.83', '23.95', '23.63', '23.82', '23.87', '23.65', '23.19',
  '23.10', '23.33', '22.68', '23.10', '22.40', '22.17',
];
const INTEL_SMA10 = [
  22.22, 22.21, 22.23, 22.26, 22.31, 22.42, 22.61, 22.77, 22.91, 23.08, 23.21, 23.38, 23.53, 23.65, 23.71,
  23.69, 23.61, 23.51, 23.43, 23.28, 23.13,
];
const INTEL_EMA10 = [
  22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.8, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.54, 23.47,
  23.4, 23.39, 23.26, 23.23, 23.08, 22.92,
];
/**
 * The sheet computes from unrounded prices and prints closes and averages to 2 places: an average of
 * inputs each within 0.005 is within 0.005, plus 0.005 for printing the result.
 */
const PRINTED = 0.01;

function expectNear(actual: (string | null)[], published: number[]): void {
  expect(actual).toHaveLength(published.length);
  actual.forEach((value, index) => {
    expect(value).not.toBeNull();
    expect(Math.abs(Number(value) - published[index])).toBeLessThanOrEqual(PRINTED);
  });
}

describe(sma.name, () => {
  it('matches the published StockCharts 10-day SMA', () => {
    const result = sma(INTEL, 10);
    expect(result.slice(0, 9)).toEqual(Array(9).fill(null));
    expectNear(result.slice(9), INTEL_SMA10);
  });

  it('is exact in decimal (first window by hand: 222.21 / 10)', () => {
    expect(sma(INTEL, 10)[9]).toBe('22.22100000');
    // 0.1 + 0.2 is 0.30000000000000004 in floats.
    expect(sma(['0.1', '0.2'], 2)).toEqual([null, '0.15000000']);
  });

  it('is all null when the history is shorter than the period', () => {
    expect(sma(['1', '2'], 3)).toEqual([null, null]);
    expect(sma([], 3)).toEqual([]);
  });

  it('accepts Decimal instances and rejects what is not a finite decimal', () => {
    expect(sma([new Decimal(1), new Decimal(2)], 2)).toEqual([null, '1.50000000']);
    expect(() => sma(['1', 'abc'], 2)).toThrow(RangeError);
    expect(() => sma(['1', 'Infinity'], 2)).toThrow(RangeError);
    expect(() => sma(['1'], 0)).toThrow(RangeError);
    expect(() => sma(['1'], 1.5)).toThrow(RangeError);
  });
});

describe(ema.name, () => {
  it('matches the published StockCharts 10-day EMA', () => {
    const result = ema(INTEL, 10);
    expect(result.slice(0, 9)).toEqual(Array(9).fill(null));
    expectNear(result.slice(9), INTEL_EMA10);
  });

  it('is seeded with the SMA, then moves by 2/(period + 1) of the gap (by hand)', () => {
    const result = ema(INTEL, 10);
    // Seed: 222.21 / 10 = 22.221. Next: 22.221 + (22.15 − 22.221) × 2/11 = 22.221 − 0.142/11.
    expect(result[9]).toBe('22.22100000');
    expect(result[10]).toBe('22.20809091');
    // period 3 (multiplier 1/2): seed (1 + 2 + 3)/3 = 2; 2 + (10 − 2)/2 = 6; 6 + (4 − 6)/2 = 5.
    expect(ema(['1', '2', '3', '10', '4'], 3)).toEqual([
      null,
      null,
      '2.00000000',
      '6.00000000',
      '5.00000000',
    ]);
  });

  it('is all null when the history is shorter than the period', () => {
    expect(ema(['1', '2'], 3)).toEqual([null, null]);
  });
});
