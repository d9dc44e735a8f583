import { money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';
import { holdingSeries, type HoldingsPoint } from './holding-series';
import { entryFlows } from './ledger-flows';
import { rangeReturns } from './range-returns';

const USD = new Map([['USD', money(1)]]);
const point = (date: string, seenSeq: number, holdings: Record<string, string>): HoldingsPoint => ({
  date,
  seenSeq,
  value: Object.values(holdings).reduce((total, value) => total.plus(value), money(0)),
  held: Object.keys(holdings).length > 0,
  holdings: new Map(Object.entries(holdings)),
});
const trade = (
  type: 'buy' | 'sell',
  tradeDate: string,
  seq: number,
  quantity: string,
  price: string,
  fees: string,
): LedgerEntry & { seq: number } => ({
  type,
  tradeDate,
  symbol: 'A',
  quantity,
  price,
  currency: 'USD',
  fees,
  seq,
});
const flowsOf = (ledger: (LedgerEntry & { seq: number; reversedSeq?: number })[]) => ({
  gross: entryFlows(ledger, USD, false),
  net: entryFlows(ledger, USD, true),
});

describe(rangeReturns.name, () => {
  // The portfolio held only B (500) at the start of the range. A: 10 bought at 100 (fees 2), close 110;
  // 5 more at 110 (fees 1), close 99; now 120.
  const start = point('2026-01-31', 4, { B: '500' });
  const snapshots = [
    point('2026-02-27', 5, { A: '1100', B: '500' }),
    point('2026-03-31', 6, { A: '1485', B: '500' }),
  ];
  const ledger = [
    trade('buy', '2026-02-02', 5, '10', '100', '2'),
    trade('buy', '2026-03-10', 6, '5', '110', '1'),
  ];
  const series = holdingSeries('A', start, snapshots, {
    date: '2026-04-30',
    value: money(1800),
    held: true,
  })!;
  const sut = rangeReturns(series.start, series.snapshots, series.now, flowsOf(ledger));

  it('measures one holding’s time-weighted return with its purchases neutralised (hand-computed)', () => {
    // Gross: 1,100 / (0 + 1,000) × 1,485 / (1,100 + 550) × 1,800 / 1,485 = 1.1 × 0.9 × 1.2121… = 1.2: +20 %.
    expect(sut.twrGross.toFixed()).toBe('0.2');
    // Net, fees put in: 1,100 / 1,002 × 1,485 / 1,651 × 1,800 / 1,485 = 1,980,000 / 1,654,302 = 1.196879…
    expect(sut.twrNet.times(100).toFixed(4)).toBe('19.6879');
    // The net index falls from 1,100 / 1,002 by the factor 1,485 / 1,651: 166 / 1,651 = 10.0545 %.
    expect(sut.maxDrawdown.times(100).toFixed(4)).toBe('10.0545');
    expect(sut.points).toBe(4);
  });

  it('solves the holding’s XIRR over its own flows: −1,002, −551, then 1,800 now', () => {
    expect(sut.xirr.defined).toBe(true);
    if (!sut.xirr.defined) return;
    // Substituted back (days from 2026-02-02: 0, 36, 87), the net present value is zero.
    const x = sut.xirr.rate.plus(1).toNumber();
    const npv = -1002 - 551 / x ** (36 / 365) + 1800 / x ** (87 / 365);
    expect(Math.abs(npv)).toBeLessThan(1e-9);
  });

  it('gives a holding the spreadsheet XIRR example’s documented 37.34 %', () => {
    // Microsoft's XIRR documentation: −10,000 on 2008-01-01, 2,750 (2008-03-01), 4,250 (2008-10-30), 3,250
    // (2009-02-15), 2,750 (2009-04-01) is 0.373362535. Here: A worth 10,000 at the start, three dividends,
    // worth 2,750 now; B beside it changes nothing.
    const dividend = (tradeDate: string, seq: number, amount: string): LedgerEntry & { seq: number } => ({
      type: 'dividend',
      tradeDate,
      symbol: 'A',
      amount,
      currency: 'USD',
      fees: '0',
      seq,
    });
    const held = holdingSeries('A', point('2008-01-01', 0, { A: '10000', B: '700' }), [], {
      date: '2009-04-01',
      value: money(2750),
      held: true,
    })!;
    const result = rangeReturns(
      held.start,
      held.snapshots,
      held.now,
      flowsOf([
        dividend('2008-03-01', 1, '2750'),
        dividend('2008-10-30', 2, '4250'),
        dividend('2009-02-15', 3, '3250'),
      ]),
    ).xirr;
    expect(result.defined && result.rate.toFixed()).toBe('0.373362533519');
  });

  it('reports a sold-out holding’s sale as money out of it', () => {
    // 10 held at 100 (1,000); a snapshot at 108 (1,080); all sold at 110 today (seq 7): nothing left now.
    // TWR: 1,080 / 1,000 × 1,100 / 1,080 (the last period ends at the proceeds) = 1.1, +10 %.
    // XIRR: −1,000, then +1,100 from the sale 365 days later: +10 %.
    const sold = holdingSeries(
      'A',
      point('2026-01-01', 6, { A: '1000' }),
      [point('2026-06-01', 6, { A: '1080' })],
      {
        date: '2027-01-01',
        value: money(0),
        held: false,
      },
    )!;
    const result = rangeReturns(
      sold.start,
      sold.snapshots,
      sold.now,
      flowsOf([trade('sell', '2027-01-01', 7, '10', '110', '0')]),
    );
    expect(result.twrGross.toDecimalPlaces(20).toFixed()).toBe('0.1');
    expect(result.xirr.defined && result.xirr.rate.toDecimalPlaces(10).toFixed()).toBe('0.1');
  });
  it('ends a buy-and-sell-out between two values at the sale, from the ledger (issue #5)', () => {
    // 1 A held, worth 100 (seq 1); 100 more bought at 100 (seq 2), all 101 sold at 101 (seq 3), nothing
    // left now: (0 + 10,201) / (100 + 10,000) − 1 = +1 % (netting the two read 201 / 100: +101 %).
    const held = holdingSeries('A', point('2026-07-01', 1, { A: '100' }), [], {
      date: '2026-07-02',
      value: money(0),
      held: false,
    })!;
    const result = rangeReturns(
      held.start,
      held.snapshots,
      held.now,
      flowsOf([
        trade('buy', '2026-07-02', 2, '100', '100', '0'),
        trade('sell', '2026-07-02', 3, '101', '101', '0'),
      ]),
    );
    expect(result.twrGross.toFixed()).toBe('0.01');
  });

  it('counts a dividend received after the sell-out and a snapshot, from the ledger (issue #5)', () => {
    // A worth 1,000 (seq 1), all sold for 1,000 (seq 2); the next snapshot holds only B (seq 2); then a
    // dividend of 20 on A (seq 3): 1,000 / 1,000 × (1,000 + 20) / 1,000 − 1 = +2 % (it was 0 %).
    const held = holdingSeries(
      'A',
      point('2026-08-01', 1, { A: '1000', B: '300' }),
      [point('2026-08-02', 2, { B: '300' })],
      { date: '2026-08-03', value: money(0), held: false },
    )!;
    const result = rangeReturns(
      held.start,
      held.snapshots,
      held.now,
      flowsOf([
        trade('sell', '2026-08-02', 2, '10', '100', '0'),
        {
          type: 'dividend',
          tradeDate: '2026-08-03',
          symbol: 'A',
          amount: '20',
          currency: 'USD',
          fees: '0',
          seq: 3,
        },
      ]),
    );
    expect(result.twrGross.toFixed()).toBe('0.02');
  });
});

describe(`${rangeReturns.name} after a deletion`, () => {
  // 10 A bought at 100 (seq 1) and by mistake 5 more at 100 (seq 2), both on 2026-05-04; that day's
  // snapshot saw both (seq 2): 15 × 100 = 1,500, with B worth 300 beside them. Then the mistaken buy is
  // deleted (seq 3): A is worth 10 × 100 = 1,000 now, B still 300.
  const ledger: (LedgerEntry & { seq: number; reversedSeq?: number })[] = [
    trade('buy', '2026-05-04', 1, '10', '100', '0'),
    { ...trade('buy', '2026-05-04', 2, '5', '100', '0'), reversedSeq: 3 },
  ];
  const snapshot = point('2026-05-04', 2, { A: '1500', B: '300' });
  const now = { date: '2026-05-05', value: money(1300), held: true };
  const figures = (returns: ReturnType<typeof rangeReturns>) => ({
    twr: returns.twrNet.toFixed(),
    drawdown: returns.maxDrawdown.toFixed(),
    xirr: returns.xirr.defined ? returns.xirr.rate.toFixed() : returns.xirr.reason,
  });
  const none = { twr: '0', drawdown: '0', xirr: '0' };

  it('from before the buys (MAX): the 500 goes in and comes back out, no loss', () => {
    // Held B only (300, seq 0) before. Snapshot: 1,800 / (300 + 1,500) = 1; now: 1,300 / (1,800 − 500) = 1.
    // XIRR: −300 on 05-03, −1,000 − 500 + 500 = −1,000 on 05-04, +1,300 on 05-05: zero at a rate of 0.
    const start = point('2026-05-03', 0, { B: '300' });
    expect(figures(rangeReturns(start, [snapshot], now, flowsOf(ledger)))).toEqual(none);
    // A alone: 1,500 / (0 + 1,500) × 1,000 / (1,500 − 500): 0; XIRR −1,000 then +1,000.
    const held = holdingSeries('A', start, [snapshot], { date: now.date, value: money(1000), held: true })!;
    expect(figures(rangeReturns(held.start, held.snapshots, held.now, flowsOf(ledger)))).toEqual(none);
  });

  it('from the snapshot that saw the mistaken buy (1D): its 500 leaves, 1,800 → 1,300 is no loss', () => {
    // TWR 1,300 / (1,800 − 500) − 1 = 0 (it was 1,300 / 1,800 − 1 = −27.78 % with the flow unknown).
    // XIRR: −1,800 + 500 on the start day, +1,300 a day later: 0.
    const start = { ...snapshot, date: '2026-05-04' };
    expect(figures(rangeReturns(start, [], now, flowsOf(ledger)))).toEqual(none);
    // A alone: 1,000 / (1,500 − 500) − 1 = 0 (it was −33.33 %).
    const held = holdingSeries('A', start, [], { date: now.date, value: money(1000), held: true })!;
    expect(figures(rangeReturns(held.start, held.snapshots, held.now, flowsOf(ledger)))).toEqual(none);
  });

  it('brings a deleted sale the snapshot saw back into the holdings, so a rise is measured, not a windfall', () => {
    // 10 A held at 100 (1,000, seq 1); 4 sold at 100 by mistake (seq 2); the snapshot saw 6 × 100 = 600;
    // the sale is deleted (seq 3) and the price rises to 110: 10 × 110 = 1,100 now.
    // 600 / (1,000 − 400) × 1,100 / (600 + 400) − 1 = 10 %, as 100 → 110 (without the reversal: +83.33 %).
    const sold: (LedgerEntry & { seq: number; reversedSeq?: number })[] = [
      { ...trade('sell', '2026-05-04', 2, '4', '100', '0'), reversedSeq: 3 },
    ];
    const returns = rangeReturns(
      point('2026-05-03', 1, { A: '1000' }),
      [point('2026-05-04', 2, { A: '600' })],
      { date: '2026-05-05', value: money(1100), held: true },
      flowsOf(sold),
    );
    expect(returns.twrNet.toFixed()).toBe('0.1');
    expect(returns.maxDrawdown.toFixed()).toBe('0');
  });

  it('changes nothing when no value saw the deleted buy', () => {
    // Recorded (seq 2) and deleted (seq 3) after the start's value and before the snapshot's (seq 3):
    // both flows land on the snapshot and cancel. 1,100 / (1,000 + 0) − 1 = 10 %, as without them.
    const flows = flowsOf([{ ...trade('buy', '2026-05-04', 2, '5', '100', '3'), reversedSeq: 3 }]);
    const returns = rangeReturns(
      point('2026-05-03', 1, { A: '1000' }),
      [point('2026-05-04', 3, { A: '1100' })],
      { date: '2026-05-05', value: money(1100), held: true },
      flows,
    );
    expect(returns.twrNet.toFixed()).toBe('0.1');
    expect(returns.xirr).toEqual(
      rangeReturns(
        point('2026-05-03', 1, { A: '1000' }),
        [point('2026-05-04', 3, { A: '1100' })],
        { date: '2026-05-05', value: money(1100), held: true },
        flowsOf([]),
      ).xirr,
    );
  });
});
