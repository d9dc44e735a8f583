import Decimal from 'decimal.js';
import { rsi } from './rsi';

/**
 * StockCharts ChartSchool, "Relative Strength Index (RSI)", cs-rsi.xls: QQQQ closes 14-Dec-2009 to
 * 1-Feb-2010 and the 14-day Wilder RSI from the 15th close on.
 * https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/relative-strength-index-rsi
 * The article's table prints the closes to 2 places; the spreadsheet's closes have 4, and the published
 * RSI (70.53 first) is computed from those: from the 2-place closes the first RSI is 70.46 (below).
 */
// prettier-ignore
const QQQQ = [
  '44.3389', '44.0902', '44.1497', '43.6124', '44.3278', '44.8264', '45.0955', '45.4245', '45.8433',
  '46.0826', '45.8931', '46.0328', '45.6140', '46.2820', '46.2820', '46.0028', '46.0328', '46.4116',
  '46.2222', '45.6439', '46.2122', '46.2521', '45.7137', '46.4515', '45.7835', '45.3548', '44.0288',
  '44.1783', '44.2181', '44.5672', '43.4205', '42.6628', '43.1314',
];
// prettier-ignore
const QQQQ_RSI14 = [
  '70.53', '66.32', '66.55', '69.41', '66.36', '57.97', '62.93', '63.26', '56.06', '62.38', '54.71', '50.42',
  '39.99', '41.46', '41.87', '45.46', '37.30', '33.08', '37.77',
];

describe(rsi.name, () => {
  it('matches every published StockCharts RSI14 value to 2 places', () => {
    const result = rsi(QQQQ);
    expect(result.slice(0, 14)).toEqual(Array(14).fill(null));
    expect(result.slice(14).map((value) => new Decimal(value!).toFixed(2))).toEqual(QQQQ_RSI14);
  });

  it('starts from the simple means of the first 14 changes (by hand, 2-place closes)', () => {
    // Changes: −0.25 +0.06 −0.54 +0.72 +0.50 +0.27 +0.32 +0.42 +0.24 −0.19 +0.14 −0.42 +0.67 0.00:
    // gains 3.34, losses 1.40, RS = 3.34/1.40, RSI = 100 − 100/(1 + RS) = 334/4.74 = 70.464135021…
    const closes = ['44.34', '44.09', '44.15', '43.61', '44.33', '44.83', '45.10', '45.42', '45.84', '46.08'];
    closes.push('45.89', '46.03', '45.61', '46.28', '46.28');
    expect(rsi(closes)[14]).toBe('70.46413502');
  });

  it('applies Wilder smoothing after the first value (by hand, period 2)', () => {
    // Changes +1, −1, +2, 0. First averages 1/2 and 1/2 → 50. Then gain (1/2 + 2)/2 = 5/4, loss
    // (1/2 + 0)/2 = 1/4 → RS 5 → 100 − 100/6. Then 5/8 and 1/8 → RS 5 again.
    expect(rsi(['10', '11', '10', '12', '12'], 2)).toEqual([
      null,
      null,
      '50.00000000',
      '83.33333333',
      '83.33333333',
    ]);
  });

  it('is 100 with gains only, 0 with losses only, 50 with no movement at all', () => {
    const rising = Array.from({ length: 20 }, (_, index) => String(100 + index));
    expect(rsi(rising).at(-1)).toBe('100.00000000');
    expect(rsi([...rising].reverse()).at(-1)).toBe('0.00000000');
    expect(rsi(Array(20).fill('100')).at(-1)).toBe('50.00000000');
  });

  it('needs period + 1 closes', () => {
    expect(rsi(QQQQ.slice(0, 14))).toEqual(Array(14).fill(null));
    expect(rsi(QQQQ.slice(0, 15))[14]).not.toBeNull();
  });
});
