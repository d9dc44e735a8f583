import { bollinger } from './bollinger';

/**
 * StockCharts ChartSchool, "Bollinger Bands" worked example (cs-bollinger.xls), 20-day SMA ± 2 standard
 * deviations printed to 2 places, as transcribed by public test suites that cite the page (transcriptions
 * differ by 0.01 in a few rows, e.g. the first lower band 86.12 or 86.13).
 * https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-overlays/bollinger-bands
 */
// prettier-ignore
const CLOSES = [
  '86.16', '89.09', '88.78', '90.32', '89.07', '91.15', '89.44', '89.18', '86.93', '87.68', '86.96', '89.43',
  '89.32', '88.72', '87.45', '87.26', '89.50', '87.90', '89.13', '90.70', '92.90', '92.98', '91.80', '92.66',
  '92.68', '92.30', '92.77', '92.54', '92.95', '93.20', '91.07', '89.83', '89.74', '90.40', '90.74', '88.02',
  '88.09', '88.84', '90.78', '90.54', '91.39', '90.65',
];
const MIDDLE = [
  88.71, 89.05, 89.24, 89.39, 89.51, 89.69, 89.75, 89.91, 90.08, 90.38, 90.66, 90.86, 90.88, 90.91, 90.99,
  91.15, 91.19, 91.12, 91.17, 91.25, 91.24, 91.17, 91.05,
];
const UPPER = [
  91.29, 91.95, 92.61, 92.93, 93.31, 93.73, 93.9, 94.27, 94.57, 94.79, 95.04, 94.91, 94.9, 94.9, 94.86, 94.67,
  94.56, 94.68, 94.58, 94.53, 94.53, 94.37, 94.15,
];
const LOWER = [
  86.12, 86.14, 85.87, 85.85, 85.7, 85.65, 85.59, 85.56, 85.6, 85.98, 86.27, 86.82, 86.87, 86.91, 87.12,
  87.63, 87.83, 87.56, 87.76, 87.97, 87.95, 87.96, 87.95,
];
/** Printed to 2 places (0.005) from a sheet whose own intermediate rounding differs by up to 0.005. */
const PRINTED = 0.01;

function expectNear(actual: (string | null)[], published: number[]): void {
  expect(actual).toHaveLength(published.length);
  actual.forEach((value, index) =>
    expect(Math.abs(Number(value) - published[index])).toBeLessThanOrEqual(PRINTED),
  );
}

describe(bollinger.name, () => {
  it('matches the published StockCharts Bollinger(20, 2)', () => {
    const result = bollinger(CLOSES);
    for (const band of [result.upper, result.middle, result.lower]) {
      expect(band.slice(0, 19)).toEqual(Array(19).fill(null));
    }
    expectNear(result.middle.slice(19), MIDDLE);
    expectNear(result.upper.slice(19), UPPER);
    expectNear(result.lower.slice(19), LOWER);
  });

  it('has the exact SMA as its middle band (by hand: the first 20 closes sum to 1774.17)', () => {
    expect(bollinger(CLOSES).middle[19]).toBe('88.70850000');
  });

  it('uses the population standard deviation', () => {
    // The textbook example (Wikipedia, "Standard deviation"): 2, 4, 4, 4, 5, 5, 7, 9 has mean 5, squared
    // deviations summing to 32, population deviation √(32/8) = 2 (the sample one, √(32/7), is 2.138).
    const result = bollinger(['2', '4', '4', '4', '5', '5', '7', '9'], 8, '2');
    expect([result.lower[7], result.middle[7], result.upper[7]]).toEqual([
      '1.00000000',
      '5.00000000',
      '9.00000000',
    ]);
    const wider = bollinger(['2', '4', '4', '4', '5', '5', '7', '9'], 8, '1.5');
    expect([wider.lower[7], wider.upper[7]]).toEqual(['2.00000000', '8.00000000']);
  });

  it('collapses onto the price when nothing moves', () => {
    const result = bollinger(Array(25).fill('98765.4321'));
    expect(result.upper[24]).toBe('98765.43210000');
    expect(result.lower[24]).toBe('98765.43210000');
  });

  it('is all null when the history is shorter than the period', () => {
    expect(bollinger(CLOSES.slice(0, 19)).middle).toEqual(Array(19).fill(null));
  });
});
