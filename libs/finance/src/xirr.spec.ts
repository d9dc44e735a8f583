import Decimal from 'decimal.js';
import type { CashFlow } from './cash-flow';
import { xirr, type XirrResult } from './xirr';

function rateOf(result: XirrResult): Decimal {
  if (!result.defined) throw new Error(`expected a rate, got: ${result.reason}`);
  return result.rate;
}

/** An independent check at 60 digits, one fractional power per flow, as the definition reads. */
const Exact = Decimal.clone({ precision: 60 });

function exactNpv(flows: readonly CashFlow[], factor: Decimal.Value): Decimal {
  const first = Math.min(...flows.map((flow) => Date.parse(flow.date)));
  const x = new Exact(factor);
  return flows.reduce((sum, flow) => {
    const years = new Exact((Date.parse(flow.date) - first) / 86_400_000).div(365);
    return sum.plus(new Exact(flow.amount.toString()).div(x.pow(years)));
  }, new Exact(0));
}

/**
 * The NPV changes sign between rate − 1e-12 and rate + 1e-12: the true root is within 1e-12 of the rate
 * returned, which has 12 decimals, so it is the root correctly rounded (give or take the last unit).
 */
function expectRootWithin(flows: readonly CashFlow[], rate: Decimal, margin = '1e-12'): void {
  const below = exactNpv(flows, rate.plus(1).minus(margin));
  const above = exactNpv(flows, rate.plus(1).plus(margin));
  expect(below.isZero() || above.isZero() || below.isNegative() !== above.isNegative()).toBe(true);
}

/** Two flows a day count apart: the rate in closed form, (in / out)^(365 / days) − 1, to 12 decimals. */
function closedForm(out: string, back: string, days: number): string {
  return new Exact(back)
    .div(new Exact(out).negated())
    .pow(new Exact(365).div(days))
    .minus(1)
    .toDecimalPlaces(12)
    .toFixed();
}

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10);
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

  describe('agrees with the closed form or a 60-digit check on hard inputs', () => {
    it.each([
      ['a near-zero rate', '-1000000', '1000000.01', 365],
      ['a near-zero loss', '-1000000', '999999.99', 365],
      ['-99.999 %', '-100000', '1', 365],
      ['-99.9995 % over two years', '-100000', '0.00000025', 730],
      ['+499,900 %', '-1', '5000', 365],
      ['about +22,770 % from 25 % in fifteen days', '-100', '125', 15],
      ['50 years', '-1000', '117390.85', 18_262],
      ['a small gain on ten trillion', '-10000000000000', '10000000123456.78', 365],
    ])('%s', (_, out, back, days) => {
      const rate = rateOf(
        xirr([
          { date: '1990-01-01', amount: out },
          { date: dayAfter('1990-01-01', days), amount: back },
        ]),
      );
      expect(rate.toFixed()).toBe(closedForm(out, back, days));
    });

    it('is exactly 0 when the money comes back unchanged', () => {
      const rate = rateOf(
        xirr([
          { date: '2020-01-01', amount: '-100' },
          { date: '2020-06-01', amount: '40' },
          { date: '2021-03-01', amount: '60' },
        ]),
      );
      expect(rate.isZero()).toBe(true);
    });

    it('solves 40 years of quarterly contributions, with dividends and a final value', () => {
      const flows: CashFlow[] = [];
      for (let quarter = 0; quarter < 160; quarter++) {
        const date = new Date(Date.UTC(1985, quarter * 3, 1 + (quarter % 28))).toISOString().slice(0, 10);
        flows.push({ date, amount: new Decimal(-(500 + quarter * 13.37)).toFixed(2) });
        if (quarter % 4 === 3) flows.push({ date: dayAfter(date, 45), amount: (40 + quarter).toFixed(2) });
      }
      flows.push({ date: '2025-01-15', amount: '1234567.89' });
      const rate = rateOf(xirr(flows));
      expect(rate.toNumber()).toBeGreaterThan(0.05);
      expectRootWithin(flows, rate);
    });

    it('solves a hundred-trillion round trip a day apart inside a small investment', () => {
      // The pair outweighs the rest by eleven orders of magnitude, beyond what a double can add up
      // without loss: the root must still come out to the last of its 12 decimals.
      const flows: CashFlow[] = [
        { date: '2020-01-01', amount: '-1000' },
        { date: '2020-03-01', amount: '-100000000000000.00' },
        { date: '2020-03-02', amount: '100000000000000.07' },
        { date: '2021-01-01', amount: '1010.55' },
      ];
      const rate = rateOf(xirr(flows));
      expectRootWithin(flows, rate);
    });

    it('nets flows of one day before solving, as if they were given as one', () => {
      const split = xirr([
        { date: '2020-01-01', amount: '-60' },
        { date: '2020-01-01', amount: '-40' },
        { date: '2020-12-31', amount: '115' },
        { date: '2020-12-31', amount: '-5' },
      ]);
      const whole = xirr([
        { date: '2020-01-01', amount: '-100' },
        { date: '2020-12-31', amount: '110' },
      ]);
      expect(rateOf(split).toFixed()).toBe(rateOf(whole).toFixed());
      expect(rateOf(whole).toFixed()).toBe(closedForm('-100', '110', 365));
    });

    it('still reports no sign change when the only flow on the other side nets out on its day', () => {
      expect(
        xirr([
          { date: '2020-01-01', amount: '-100' },
          { date: '2020-01-01', amount: '100' },
          { date: '2021-01-01', amount: '5' },
        ]),
      ).toEqual({
        defined: false,
        reason: 'no rate between -99.9999 % and +999,900 % a year brings the net present value to zero',
      });
    });

    it('names both rates of -100, +200, -75 a year apart (-50 % and +50 %)', () => {
      const result = xirr([
        { date: '2021-01-01', amount: '-100' },
        { date: '2022-01-01', amount: '200' },
        { date: '2023-01-01', amount: '-75' },
      ]);
      expect(result.defined).toBe(false);
      if (!result.defined) expect(result.reason).toMatch(/about -50\.00 %, 50\.00 %\)/);
    });

    it('returns the one root in range when the second lies beyond +999,900 %', () => {
      // −1, +20,001.1, −22,000 a year apart: NPV·x² = −(x − 1.1)(x − 20,000), so 10 % and 1,999,900 %.
      const flows = [
        { date: '2021-01-01', amount: '-1' },
        { date: '2022-01-01', amount: '20001.1' },
        { date: '2023-01-01', amount: '-22000' },
      ];
      const rate = rateOf(xirr(flows));
      expect(rate.toFixed()).toBe('0.1');
    });
  });
});
