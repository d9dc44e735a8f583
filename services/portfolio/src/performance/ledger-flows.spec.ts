import { xirr } from '@marketpulse/finance';
import { money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';
import { dailyFlows, investorCashFlows } from './ledger-flows';

const USD = new Map([['USD', money(1)]]);
const dividend = (tradeDate: string, amount: string): LedgerEntry => ({
  type: 'dividend',
  tradeDate,
  symbol: 'ACME',
  amount,
  currency: 'USD',
  fees: '0',
});

describe(dailyFlows.name, () => {
  const ledger: LedgerEntry[] = [
    {
      type: 'buy',
      tradeDate: '2026-01-05',
      symbol: 'ACME',
      quantity: '10',
      price: '100',
      currency: 'USD',
      fees: '2',
    },
    {
      type: 'sell',
      tradeDate: '2026-01-09',
      symbol: 'ACME',
      quantity: '4',
      price: '110',
      currency: 'USD',
      fees: '1',
    },
    { type: 'deposit', tradeDate: '2026-01-02', amount: '5000', currency: 'USD', fees: '0' },
    { type: 'fee', tradeDate: '2026-01-09', amount: '3', currency: 'USD', fees: '0' },
    { ...dividend('2026-01-09', '6'), fees: '0.5', currency: 'EUR' },
  ];

  it('gross: purchases in, sales out, no fees; deposits move cash only; other currencies converted', () => {
    const sut = dailyFlows(ledger, new Map([...USD, ['EUR', money('1.5')]]), false);
    expect([...sut.keys()]).toEqual(['2026-01-05', '2026-01-09']);
    expect(sut.get('2026-01-05')!.flow.toFixed()).toBe('1000');
    expect(sut.get('2026-01-09')!.flow.toFixed()).toBe('-440');
    expect(sut.get('2026-01-09')!.income.toFixed()).toBe('9'); // 6 EUR × 1.5
  });

  it('net: fees add to what went in and come off what came out', () => {
    const sut = dailyFlows(ledger, new Map([...USD, ['EUR', money('1.5')]]), true);
    expect(sut.get('2026-01-05')!.flow.toFixed()).toBe('1002');
    // Sale: −(440 − 1); account fee: +3.
    expect(sut.get('2026-01-09')!.flow.toFixed()).toBe('-436');
    expect(sut.get('2026-01-09')!.income.toFixed()).toBe('8.25'); // (6 − 0.5) × 1.5
  });
});

describe(investorCashFlows.name, () => {
  it('gives the spreadsheet XIRR example its documented 37.34 %', () => {
    // Microsoft's XIRR documentation example: −10,000 on 2008-01-01, then 2,750 (2008-03-01), 4,250
    // (2008-10-30), 3,250 (2009-02-15) and 2,750 (2009-04-01) gives 0.373362535 (37.34 %). Here the
    // first flow is the value held at the start, the middle ones are dividends, the last the value now.
    const daily = dailyFlows(
      [dividend('2008-03-01', '2750'), dividend('2008-10-30', '4250'), dividend('2009-02-15', '3250')],
      USD,
      true,
    );
    const sut = investorCashFlows(
      daily,
      { date: '2008-01-01', value: money(10000) },
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
    const daily = dailyFlows(
      [
        {
          type: 'buy',
          tradeDate: '2026-01-05',
          symbol: 'A',
          quantity: '1',
          price: '100',
          currency: 'USD',
          fees: '0',
        },
        {
          type: 'sell',
          tradeDate: '2026-06-05',
          symbol: 'A',
          quantity: '1',
          price: '120',
          currency: 'USD',
          fees: '0',
        },
      ],
      USD,
      true,
    );
    const sut = investorCashFlows(daily, undefined, { date: '2026-07-01', value: money(0) });
    expect(sut.map((flow) => flow.amount.toFixed())).toEqual(['-100', '120']);
  });
});
