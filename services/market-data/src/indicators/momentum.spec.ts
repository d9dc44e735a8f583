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

/**
 * J. C. Hull, "Options, Futures, and Other Derivatives" (8th ed., Pearson 2012), chapter 15 (the
 * Black-Scholes-Merton model), "Estimating volatility from historical data", Table 15.1 "Computation of
 * volatility" (the chapter and table number differ between editions): 21 daily closes of a stock. The book's figures: Σuᵢ = 0.09531 and Σuᵢ² = 0.00326 for the 20 log returns
 * uᵢ = ln(Sᵢ/Sᵢ₋₁); a daily standard deviation of √(0.00326/19 − 0.09531²/380) = 0.01216; with 252 trading
 * days a year, a volatility of 0.01216 × √252 = 0.193, i.e. 19.3 %.
 *
 * The book estimates with log returns and the sample (N − 1) standard deviation, as realisedVolatility
 * does, so its figures are the expected values here, at the precision the book prints them.
 */
const HULL_TABLE_15_1 = [
  '20.00', '20.10', '19.90', '20.00', '20.50', '20.25', '20.90', '20.90', '20.90', '20.75', '20.75',
  '21.00', '21.10', '20.90', '20.90', '21.25', '21.40', '21.40', '21.25', '21.75', '22.00',
]; // prettier-ignore

describe(`${realisedVolatility.name} against Hull's worked example`, () => {
  it('gives the book’s daily standard deviation, 0.01216 (1.216 %), with one bar a "year"', () => {
    const daily = realisedVolatility(HULL_TABLE_15_1, 20, 1);
    expect(daily.slice(0, 20)).toEqual(Array(20).fill(null));
    expect(new Decimal(daily[20]!).dividedBy(100).toDecimalPlaces(5).toFixed()).toBe('0.01216');
  });

  it('gives the book’s annual volatility, 19.3 %, with 252 trading days', () => {
    const annual = realisedVolatility(HULL_TABLE_15_1, 20);
    expect(new Decimal(annual[20]!).toDecimalPlaces(1).toFixed()).toBe('19.3');
    expect(new Decimal(annual[20]!).dividedBy(100).toDecimalPlaces(3).toFixed()).toBe('0.193');
  });

  it('gives the 20-day momentum of the book’s table, 10 %, whose log is the book’s Σuᵢ = 0.09531', () => {
    // Log returns add up to ln(S₂₀/S₀); the book's 0.09531 is ln 1.1, a 20-day change of exactly 10 %.
    // (No published rate-of-change table we could check figure by figure was found; this ties
    // percentChange to the book's table and sum instead.)
    const change = percentChange(HULL_TABLE_15_1, 20)[20]!;
    expect(change).toBe('10.00000000');
    expect(new Decimal(change).dividedBy(100).plus(1).ln().toDecimalPlaces(5).toFixed()).toBe('0.09531');
  });
});
