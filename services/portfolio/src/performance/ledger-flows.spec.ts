import { xirr } from '@marketpulse/finance';
import { money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';
import { entryFlows, investorCashFlows, type EntryFlow } from './ledger-flows';
import { timeWeightedReturn } from './time-weighted-return';
import { valuationSeries } from './valuation-series';

const USD = new Map([['USD', money(1)]]);
const dividend = (tradeDate: string, amount: string): LedgerEntry => ({
  type: 'dividend',
  tradeDate,
  symbol: 'ACME',
  amount,
  currency: 'USD',
  fees: '0',
});

describe(entryFlows.name, () => {
  const ledger: (LedgerEntry & { seq: number })[] = [
    {
      type: 'buy',
      tradeDate: '2026-01-05',
      symbol: 'ACME',
      quantity: '10',
      price: '100',
      currency: 'USD',
      fees: '2',
      seq: 2,
    },
    {
      type: 'sell',
      tradeDate: '2026-01-09',
      symbol: 'ACME',
      quantity: '4',
      price: '110',
      currency: 'USD',
      fees: '1',
      seq: 3,
    },
    { type: 'deposit', tradeDate: '2026-01-02', amount: '5000', currency: 'USD', fees: '0', seq: 1 },
    { type: 'fee', tradeDate: '2026-01-09', amount: '3', currency: 'USD', fees: '0', seq: 4 },
    { ...dividend('2026-01-09', '6'), fees: '0.5', currency: 'EUR', seq: 5 },
  ];
  const rates = new Map([...USD, ['EUR', money('1.5')]]);
  const shown = (flows: EntryFlow[]) =>
    flows.map((flow) => [flow.date, flow.seq, flow.flow.toFixed(), flow.income.toFixed()]);

  it('gross: purchases in, sales out, no fees; deposits move cash only; other currencies converted', () => {
    expect(shown(entryFlows(ledger, rates, false))).toEqual([
      ['2026-01-05', 2, '1000', '0'],
      ['2026-01-09', 3, '-440', '0'],
      ['2026-01-09', 5, '0', '9'], // 6 EUR × 1.5
    ]);
  });

  it('net: fees add to what went in and come off what came out', () => {
    expect(shown(entryFlows(ledger, rates, true))).toEqual([
      ['2026-01-05', 2, '1002', '0'],
      ['2026-01-09', 3, '-439', '0'], // −(440 − 1)
      ['2026-01-09', 4, '3', '0'], // the account fee
      ['2026-01-09', 5, '0', '8.25'], // (6 − 0.5) × 1.5
    ]);
  });
});

describe(`${entryFlows.name} of deleted transactions`, () => {
  const rates = new Map([...USD, ['EUR', money('1.5')]]);
  const shown = (flows: EntryFlow[]) =>
    flows.map((flow) => [flow.date, flow.seq, flow.flow.toFixed(), flow.income.toFixed()]);
  const reversed: (LedgerEntry & { seq: number; reversedSeq: number })[] = [
    // Recorded as seq 2 and deleted as seq 7: 5 bought at 100 with a fee of 2.
    {
      type: 'buy',
      tradeDate: '2026-01-05',
      symbol: 'ACME',
      quantity: '5',
      price: '100',
      currency: 'USD',
      fees: '2',
      seq: 2,
      reversedSeq: 7,
    },
    // Recorded as seq 3 and deleted as seq 8: 4 sold at 110 EUR with a fee of 1 EUR.
    {
      type: 'sell',
      tradeDate: '2026-01-09',
      symbol: 'ACME',
      quantity: '4',
      price: '110',
      currency: 'EUR',
      fees: '1',
      seq: 3,
      reversedSeq: 8,
    },
    { ...dividend('2026-01-09', '6'), seq: 4, reversedSeq: 9 },
    {
      type: 'fee',
      tradeDate: '2026-01-09',
      amount: '3',
      currency: 'USD',
      fees: '0',
      seq: 5,
      reversedSeq: 10,
    },
  ];

  it('puts the shares in at the original seq and takes them out at the deletion, both at the trade price', () => {
    // Buy: 5 × 100 = 500 in at seq 2, out at seq 7. Sell: 4 × 110 EUR × 1.5 = 660 out at seq 3, back in
    // at seq 8. Both on their trade dates.
    const expected = [
      ['2026-01-05', 2, '500', '0'],
      ['2026-01-05', 7, '-500', '0'],
      ['2026-01-09', 3, '-660', '0'],
      ['2026-01-09', 8, '660', '0'],
    ];
    expect(shown(entryFlows(reversed, rates, false))).toEqual(expected);
    // Fees, dividends and account fees never were in a value: net is gross, and they are left out.
    expect(shown(entryFlows(reversed, rates, true))).toEqual(expected);
  });
});

describe(investorCashFlows.name, () => {
  const buy = (tradeDate: string, seq: number, quantity: string, price: string) => ({
    type: 'buy' as const,
    tradeDate,
    symbol: 'A',
    quantity,
    price,
    currency: 'USD',
    fees: '0',
    seq,
  });

  it('gives the spreadsheet XIRR example its documented 37.34 %', () => {
    // Microsoft's XIRR documentation example: −10,000 on 2008-01-01, then 2,750 (2008-03-01), 4,250
    // (2008-10-30), 3,250 (2009-02-15) and 2,750 (2009-04-01) gives 0.373362535 (37.34 %). Here the
    // first flow is the value held at the start, the middle ones are dividends, the last the value now.
    const flows = entryFlows(
      [
        { ...dividend('2008-03-01', '2750'), seq: 1 },
        { ...dividend('2008-10-30', '4250'), seq: 2 },
        { ...dividend('2009-02-15', '3250'), seq: 3 },
      ],
      USD,
      true,
    );
    const sut = investorCashFlows(
      flows,
      { date: '2008-01-01', value: money(10000), seenSeq: 0 },
      { date: '2009-04-01', value: money(2750) },
    );
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2008-01-01', '-10000'],
      ['2008-03-01', '2750'],
      ['2008-10-30', '4250'],
      ['2009-02-15', '3250'],
      ['2009-04-01', '2750'],
    ]);
    // The spreadsheet stops iterating at a step below 1e-8; the exact root is 0.373362533519 (libs/finance).
    const result = xirr(sut);
    expect(result.defined && result.rate.toFixed()).toBe('0.373362533519');
    expect(result.defined && result.rate.minus('0.373362535').abs().toNumber()).toBeLessThan(2e-9);
  });

  it('turns purchases into outflows and sales into inflows', () => {
    const flows = entryFlows(
      [buy('2026-01-05', 1, '1', '100'), { ...buy('2026-06-05', 2, '1', '120'), type: 'sell' }],
      USD,
      true,
    );
    const sut = investorCashFlows(flows, undefined, { date: '2026-07-01', value: money(0) });
    expect(sut.map((flow) => flow.amount.toFixed())).toEqual(['-100', '120']);
  });

  it('counts a backdated buy the starting snapshot has not seen, on the starting day, as TWR does', () => {
    // The snapshot of 2026-03-31 saw seq 1 (10 bought at 100 on 2026-03-02): 1,000. After it, a buy of 5
    // at 100 dated 2026-03-20 is recorded (seq 2). A year (365 days) later the 15 are worth 1,650.
    // The 500 is not in the starting value, so it goes in at the start: −1,500 on 2026-03-31, +1,650 on
    // 2027-03-31, exactly 10 % a year, like TWR's 1,650 / (1,000 + 500) − 1. Dated by its trade date
    // (before the start) it was left out: −1,000 → +1,650, 65 %.
    const flows = entryFlows(
      [buy('2026-03-02', 1, '10', '100'), buy('2026-03-20', 2, '5', '100')],
      USD,
      true,
    );
    const start = { date: '2026-03-31', value: money(1000), seenSeq: 1, held: true };
    const end = { date: '2027-03-31', value: money(1650), held: true };
    const sut = investorCashFlows(flows, start, end);
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2026-03-31', '-1500'],
      ['2027-03-31', '1650'],
    ]);
    const result = xirr(sut);
    expect(result.defined && result.rate.toDecimalPlaces(10).toFixed()).toBe('0.1');
    expect(timeWeightedReturn(valuationSeries(start, [], end, flows)).rate.toFixed()).toBe('0.1');
  });

  it('takes a deleted buy the starting value saw back out of it on the starting day', () => {
    // 10 bought at 100 (seq 1) and by mistake 5 at 100 (seq 2), both on 2026-03-02; the snapshot of
    // 2026-03-31 saw both: 1,500. Then the second buy is deleted (seq 3); a year later the 10 are worth
    // 1,100. Its 500 comes back out on the starting day (its trade date is before it): −1,500 + 500 =
    // −1,000 at the start, +1,100 at the end: 10 % a year, as TWR has it: 1,100 / (1,500 − 500) − 1.
    const flows = entryFlows(
      [buy('2026-03-02', 1, '10', '100'), { ...buy('2026-03-02', 2, '5', '100'), reversedSeq: 3 }],
      USD,
      true,
    );
    const start = { date: '2026-03-31', value: money(1500), seenSeq: 2, held: true };
    const end = { date: '2027-03-31', value: money(1100), held: true };
    const sut = investorCashFlows(flows, start, end);
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2026-03-31', '-1000'],
      ['2027-03-31', '1100'],
    ]);
    const result = xirr(sut);
    expect(result.defined && result.rate.toDecimalPlaces(10).toFixed()).toBe('0.1');
    expect(timeWeightedReturn(valuationSeries(start, [], end, flows)).rate.toFixed()).toBe('0.1');
  });

  it('cancels a deleted buy out when the start saw neither it nor its deletion', () => {
    // Before the start (seen seq 0) a buy of 500 was recorded (seq 1) and deleted (seq 2): −500 + 500 on
    // its day is nothing; only the 10 bought at 100 (seq 3) and their value count.
    const flows = entryFlows(
      [{ ...buy('2026-04-02', 1, '5', '100'), reversedSeq: 2 }, buy('2026-04-02', 3, '10', '100')],
      USD,
      true,
    );
    const sut = investorCashFlows(
      flows,
      { date: '2026-03-31', value: money(0), seenSeq: 0 },
      { date: '2027-04-02', value: money(1000) },
    );
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2026-04-02', '-1000'],
      ['2027-04-02', '1000'],
    ]);
  });

  it('leaves out a flow the starting value includes, whatever its trade date', () => {
    // Snapshot of 2026-03-31 taken after a buy dated 2026-04-02 was recorded (seq 2): its 1,000 holds it.
    const flows = entryFlows([buy('2026-04-02', 2, '10', '100')], USD, true);
    const sut = investorCashFlows(
      flows,
      { date: '2026-03-31', value: money(1000), seenSeq: 2 },
      { date: '2027-03-31', value: money(1100) },
    );
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2026-03-31', '-1000'],
      ['2027-03-31', '1100'],
    ]);
  });
});
