import { fundReturns, ksPme, type FundFlow } from './fund-returns';

const value = <T>(result: { defined: true; value: T } | { defined: false; reason: string }): T => {
  if (!result.defined) throw new Error(`not defined: ${result.reason}`);
  return result.value;
};

describe('fund returns', () => {
  // Worked example (ILPA definitions): paid-in 100, distributed 30, NAV 120 ⇒ DPI 0.30, RVPI 1.20,
  // TVPI = DPI + RVPI = 1.50.
  it('computes TVPI, DPI and RVPI from paid-in capital, distributions and the latest NAV', () => {
    const flows: FundFlow[] = [
      { kind: 'call', date: '2020-01-15', amount: '60' },
      { kind: 'call', date: '2020-07-15', amount: '40' },
      { kind: 'distribution', date: '2022-01-10', amount: '30' },
      { kind: 'nav', date: '2022-06-30', amount: '90' },
      { kind: 'nav', date: '2023-01-01', amount: '120' },
    ];
    const sut = fundReturns(flows);
    expect(sut.asOf).toBe('2023-01-01');
    expect(sut.paidIn.toString()).toBe('100');
    expect(value(sut.tvpi).toFixed(4)).toBe('1.5000');
    expect(value(sut.dpi).toFixed(4)).toBe('0.3000');
    expect(value(sut.rvpi).toFixed(4)).toBe('1.2000');
  });

  // 1,000 called on 2021-01-01 and worth 1,210 two years (730 days) later: (1210 / 1000)^(365/730) − 1 = 10 %.
  it('takes the latest NAV as the terminal value of the net IRR (XIRR)', () => {
    const sut = fundReturns([
      { kind: 'call', date: '2021-01-01', amount: '1000' },
      { kind: 'nav', date: '2023-01-01', amount: '1210' },
    ]);
    expect(value(sut.irr).toFixed(6)).toBe('0.100000');
  });

  it('ignores flows after the latest NAV statement (they wait for the next one)', () => {
    const sut = fundReturns([
      { kind: 'call', date: '2021-01-01', amount: '1000' },
      { kind: 'nav', date: '2023-01-01', amount: '1210' },
      { kind: 'call', date: '2023-02-01', amount: '500' },
    ]);
    expect(sut.paidIn.toString()).toBe('1000');
    expect(value(sut.irr).toFixed(6)).toBe('0.100000');
  });

  it('reports the IRR as not defined, with the reason, when everything called was lost', () => {
    const sut = fundReturns([
      { kind: 'call', date: '2021-01-01', amount: '1000' },
      { kind: 'nav', date: '2023-01-01', amount: '0' },
    ]);
    expect(sut.irr.defined).toBe(false);
    expect(sut.irr.defined ? '' : sut.irr.reason).toMatch(/no rate .* brings the net present value to zero/);
    expect(value(sut.tvpi).toString()).toBe('0');
  });

  it('tells DPI but not TVPI, RVPI or IRR before the first NAV statement (the residual value is unknown)', () => {
    const sut = fundReturns([
      { kind: 'call', date: '2020-01-15', amount: '100' },
      { kind: 'distribution', date: '2021-01-15', amount: '25' },
    ]);
    expect(value(sut.dpi).toFixed(2)).toBe('0.25');
    for (const figure of [sut.tvpi, sut.rvpi]) {
      expect(figure).toEqual({ defined: false, reason: 'no NAV statement: the residual value is unknown' });
    }
    expect(sut.irr.defined).toBe(false);
  });

  it('has no multiples before any capital is called', () => {
    const sut = fundReturns([{ kind: 'nav', date: '2023-01-01', amount: '0' }]);
    expect(sut.tvpi).toEqual({ defined: false, reason: 'no capital has been called' });
  });
});

describe('Kaplan–Schoar PME', () => {
  // KS-PME = (Σ D_t·I_T/I_t + NAV_T) / Σ C_t·I_T/I_t (Kaplan & Schoar, 2005). Call 100 at index 100,
  // distribution 60 at index 110, NAV 80 at index 120: (60·120/110 + 80) / (100·120/100) = 1.212121…
  it('compares the fund with the index over the same dated flows', () => {
    const flows: FundFlow[] = [
      { kind: 'call', date: '2020-01-02', amount: '100' },
      { kind: 'distribution', date: '2021-01-04', amount: '60' },
      { kind: 'nav', date: '2022-01-03', amount: '80' },
    ];
    const levels = [
      { date: '2020-01-01', level: '100' },
      { date: '2021-01-04', level: '110' },
      { date: '2022-01-01', level: '120' },
    ];
    expect(value(ksPme(flows, levels)).toFixed(6)).toBe('1.212121');
  });

  // A fund that doubles while the index doubles has a PME of exactly 1.
  it('is 1 for a fund that tracks the index', () => {
    const flows: FundFlow[] = [
      { kind: 'call', date: '2020-01-01', amount: '500' },
      { kind: 'nav', date: '2024-01-01', amount: '1000' },
    ];
    const levels = [
      { date: '2020-01-01', level: '3230.78' },
      { date: '2024-01-01', level: '6461.56' },
    ];
    expect(value(ksPme(flows, levels)).toString()).toBe('1');
  });

  it('is not defined when the index series starts after the first cash flow', () => {
    const result = ksPme(
      [
        { kind: 'call', date: '2019-06-01', amount: '100' },
        { kind: 'nav', date: '2022-01-03', amount: '80' },
      ],
      [{ date: '2020-01-01', level: '100' }],
    );
    expect(result).toEqual({
      defined: false,
      reason: 'the index series starts on 2020-01-01, after the cash flow of 2019-06-01',
    });
  });
});
