import Decimal from 'decimal.js';
import { percentChange, rangePosition, realisedVolatility, TRADING_DAYS } from './momentum';

describe(percentChange.name, () => {
  it('is the percent change from the close `bars` bars earlier (by hand)', () => {
    // (110 − 100)/100 × 100 = 10; (99 − 110)/110 × 100 = −10; (121 − 99)/99 × 100 = 22.2…
    expect(percentChange(['100', '110', '99', '121'], 1)).toEqual([
      null,
      '10.00000000',
      '-10.00000000',
      '22.22222222',
    ]);
  });

  it('needs bars + 1 closes: 1M, 3M and 6M are 21, 63 and 126 trading days', () => {
    const closes = Array.from({ length: 127 }, (_, index) => String(100 + index));
    expect(percentChange(closes, TRADING_DAYS.oneMonth).findIndex((value) => value !== null)).toBe(21);
    expect(percentChange(closes, TRADING_DAYS.threeMonths).findIndex((value) => value !== null)).toBe(63);
    expect(percentChange(closes, TRADING_DAYS.sixMonths).findIndex((value) => value !== null)).toBe(126);
    // 226/100 − 1
    expect(percentChange(closes, TRADING_DAYS.sixMonths)[126]).toBe('126.00000000');
  });
});

describe(rangePosition.name, () => {
  it('is null until 252 bars exist: a shorter history has no 52-week range', () => {
    const closes = Array(251).fill('100');
    expect(rangePosition(Array(251).fill('101'), Array(251).fill('99'), closes).high).toEqual(
      Array(251).fill(null),
    );
    const result = rangePosition(Array(252).fill('101'), Array(252).fill('99'), Array(252).fill('100'));
    expect(result.high[251]).toBe('101.00000000');
    expect(result.high[250]).toBeNull();
  });

  it('uses highs and lows (not closes) of the last 252 bars, the current one included', () => {
    const highs = Array(260).fill('101');
    const lows = Array(260).fill('99');
    highs[7] = '150'; // leaves the window at index 259 (window 8 … 259)
    highs[8] = '120';
    lows[259] = '90';
    const closes = Array(260).fill('100');
    closes[259] = '96';
    const result = rangePosition(highs, lows, closes);
    expect(result.high[258]).toBe('150.00000000');
    expect(result.high[259]).toBe('120.00000000');
    expect(result.low[259]).toBe('90.00000000');
    // (96 − 120)/120 × 100 = −20; (96 − 90)/90 × 100 = 6.66…
    expect(result.fromHigh[259]).toBe('-20.00000000');
    expect(result.fromLow[259]).toBe('6.66666667');
  });
});

describe(realisedVolatility.name, () => {
  it('is zero when prices do not move', () => {
    const result = realisedVolatility(Array(61).fill('123.45'), 60);
    expect(result[60]).toBe('0.00000000');
  });

  it('is the annualised sample deviation of log returns, in percent (by hand)', () => {
    // Returns ln 2 and −ln 2: mean 0, sample variance 2·ln²2 / (2 − 1), deviation √2·ln 2,
    // annualised × √252: ln 2 · √504 · 100.
    const expected = new Decimal(2).ln().times(new Decimal(504).sqrt()).times(100).toFixed(8);
    expect(realisedVolatility(['100', '200', '100'], 2)).toEqual([null, null, expected]);
  });

  it('needs returns + 1 closes, and a positive close for each logarithm', () => {
    const closes = Array.from({ length: 21 }, (_, index) => String(100 + (index % 2)));
    expect(realisedVolatility(closes, 20).findIndex((value) => value !== null)).toBe(20);
    expect(realisedVolatility(['100', '0', '100', '100'], 2)).toEqual([null, null, null, null]);
    expect(() => realisedVolatility(closes, 1)).toThrow(RangeError);
  });
});
