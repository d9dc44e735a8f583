import Decimal from 'decimal.js';
import { xirr, type XirrResult } from './xirr';

function rateOf(result: XirrResult): Decimal {
  if (!result.defined) throw new Error(`expected a rate, got: ${result.reason}`);
  return result.rate;
}

describe('xirr', () => {
  it('matches the XIRR worked example of the spreadsheet documentation (37.3362535 %)', () => {
    // Microsoft's XIRR help page: values -10,000 / 2,750 / 4,250 / 3,250 / 2,750 on 1 Jan 2008, 1 Mar 2008,
    // 30 Oct 2008, 15 Feb 2009, 1 Apr 2009 give 0.373362535. The spreadsheet stops iterating once a step is
    // below 1e-8; the root to 12 places (mpmath findroot at 40 digits) is 0.373362533519.
    const rate = rateOf(
      xirr([
        { date: '2008-01-01', amount: '-10000' },
        { date: '2008-03-01', amount: '2750' },
        { date: '2008-10-30', amount: '4250' },
        { date: '2009-02-15', amount: '3250' },
        { date: '2009-04-01', amount: '2750' },
      ]),
    );
    expect(rate.toString()).toBe('0.373362533519');
    expect(rate.minus('0.373362535').abs().toNumber()).toBeLessThan(2e-9);
  });

  it('is exactly 10 % for 100 growing to 110 over 365 days', () => {
    const rate = rateOf(
      xirr([
        { date: '2021-01-01', amount: '-100' },
        { date: '2022-01-01', amount: '110' },
      ]),
    );
    expect(rate.toDecimalPlaces(10).toString()).toBe('0.1');
  });

  it('compounds over a longer span: 1,000 to 2,000 over 730 days is √2 − 1', () => {
    const rate = rateOf(
      xirr([
        { date: '2020-01-01', amount: '-1000' },
        { date: '2021-12-31', amount: '2000' },
      ]),
    );
    expect(rate.toDecimalPlaces(10).toString()).toBe('0.4142135624');
  });

  it('handles a loss, mid-period contributions and flows given out of order', () => {
    // -1000 on day 0, -500 on day 182, +1,350 on day 365: NPV at r solves
    // -1000 - 500/(1+r)^(182/365) + 1350/(1+r) = 0; the root, checked by substituting it back, is ≈ -12.13 %.
    const flows = [
      { date: '2023-01-01', amount: '1350' },
      { date: '2022-01-01', amount: '-1000' },
      { date: '2022-07-02', amount: '-500' },
    ];
    const rate = rateOf(xirr(flows));
    const x = rate.plus(1).toNumber();
    const npv = -1000 - 500 / x ** (182 / 365) + 1350 / x;
    expect(Math.abs(npv)).toBeLessThan(1e-9);
    expect(rate.toNumber()).toBeLessThan(0);
  });

  it('accepts a total loss close to -100 %', () => {
    const rate = rateOf(
      xirr([
        { date: '2020-01-01', amount: '-1000' },
        { date: '2021-01-01', amount: '0.01' },
      ]),
    );
    expect(rate.toNumber()).toBeCloseTo(-0.99999, 5);
  });

  it('is not defined when every flow goes one way', () => {
    expect(
      xirr([
        { date: '2020-01-01', amount: '-1000' },
        { date: '2021-01-01', amount: '-10' },
      ]),
    ).toEqual({
      defined: false,
      reason: 'the cash flows need at least one negative and one positive amount',
    });
  });

  it('is not defined when all flows fall on one date', () => {
    const result = xirr([
      { date: '2020-01-01', amount: '-1000' },
      { date: '2020-01-01', amount: '1200' },
    ]);
    expect(result.defined).toBe(false);
  });

  it('is not defined, with both rates named, when the flows admit two rates', () => {
    // -100, +230, -132 a year apart: NPV = 0 at 10 % and at 20 % (x² − 2.3x + 1.32 = 0).
    const result = xirr([
      { date: '2020-01-01', amount: '-100' },
      { date: '2020-12-31', amount: '230' },
      { date: '2021-12-31', amount: '-132' },
    ]);
    expect(result.defined).toBe(false);
    if (!result.defined)
      expect(result.reason).toMatch(/several rates of return \(about 10\.00 %, 20\.00 %\)/);
  });

  it('refuses invalid dates and amounts with the offending flow named', () => {
    expect(
      xirr([
        { date: '2020-02-30', amount: '-1' },
        { date: '2021-01-01', amount: '2' },
      ]),
    ).toEqual({ defined: false, reason: "cash flow 1 has an invalid date '2020-02-30'" });
    expect(
      xirr([
        { date: '2020-01-01', amount: '-1' },
        { date: '2021-01-01', amount: 'abc' },
      ]),
    ).toEqual({ defined: false, reason: "cash flow 2 has an invalid amount 'abc'" });
    expect(xirr([{ date: '2020-01-01', amount: '-1' }]).defined).toBe(false);
  });
});
