import { xirr } from '@marketpulse/finance';
import { money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';
import { entryFlows, investorCashFlows } from './ledger-flows';

/** Which rate converts each flow (ADR 0012); the flows themselves are ledger-flows.spec.ts's. */
describe(`${entryFlows.name}: rates`, () => {
  const today = new Map([['USD', money('0.8')]]);
  const buy: LedgerEntry & { seq: number } = {
    type: 'buy',
    tradeDate: '2026-01-05',
    symbol: 'ACME',
    quantity: '10',
    price: '100',
    currency: 'USD',
    fees: '2',
    seq: 2,
  };
  const shown = (entries: Parameters<typeof entryFlows>[0], net = true) =>
    entryFlows(entries, today, net).map((flow) => [flow.seq, flow.flow.toFixed(), flow.income.toFixed()]);

  it('converts at the rate recorded with the transaction, else at today’s', () => {
    expect(shown([{ ...buy, baseRate: '0.95' }])).toEqual([[2, '951.9', '0']]); // 1,002 × 0.95
    expect(
      shown([
        { ...buy, baseRate: null },
        { ...buy, seq: 3 },
      ]),
    ).toEqual([
      [2, '801.6', '0'],
      [3, '801.6', '0'],
    ]);
    const dividend = { ...buy, type: 'dividend' as const, amount: '50', fees: '0', baseRate: '0.9' };
    expect(shown([dividend])).toEqual([[2, '0', '45']]);
  });

  it('takes a deleted transaction in at its own rate and out at the deletion’s', () => {
    const deleted = { ...buy, reversedSeq: 7, baseRate: '0.95', reversedBaseRate: '0.9' };
    // Gross: 1,000 × 0.95 in, 1,000 × 0.9 out; a deletion recorded before rates were kept: today's.
    expect(shown([deleted], false)).toEqual([
      [2, '950', '0'],
      [7, '-900', '0'],
    ]);
    expect(shown([{ ...deleted, reversedBaseRate: null }], false)).toEqual([
      [2, '950', '0'],
      [7, '-800', '0'],
    ]);
  });

  it('leaves out a currency with no rate today, recorded rate or not', () => {
    expect(shown([{ ...buy, currency: 'JPY', baseRate: '0.006' }])).toEqual([]);
  });

  it('leaves a deleted buy out of XIRR when the start saw neither it nor its deletion', () => {
    // Base EUR. The start (2026-03-31, seen seq 1) holds 10 bought at 100 USD at 0.95: 950. A buy of 5 at
    // 100 USD dated 2026-04-10 is recorded (seq 2) at 0.95, seen by a snapshot, and deleted (seq 3) when
    // 1 USD = 0.80 EUR: in at 475, out at 400. A year on the 10 are worth 1,045 EUR.
    const mistake = { ...buy, tradeDate: '2026-04-10', quantity: '5', fees: '0', seq: 2 };
    const flows = entryFlows(
      [
        { ...buy, tradeDate: '2026-03-02', fees: '0', seq: 1, baseRate: '0.95' },
        { ...mistake, baseRate: '0.95', reversedSeq: 3, reversedBaseRate: '0.8' },
      ],
      today,
      true,
    );
    expect(flows.map((flow) => [flow.seq, flow.flow.toFixed()])).toEqual([
      [1, '950'],
      [2, '475'],
      [3, '-400'],
    ]);
    const start = { date: '2026-03-31', value: money(950), seenSeq: 1 };
    const end = { date: '2027-03-31', value: money(1045) };
    // Kept, the pair would be −475 + 400 = −75 on 2026-04-10, money that never moved: 1.96 % for 10 %.
    const sut = investorCashFlows(flows, start, end);
    expect(sut.map((flow) => [flow.date, flow.amount.toFixed()])).toEqual([
      ['2026-03-31', '-950'],
      ['2027-03-31', '1045'],
    ]);
    const result = xirr(sut);
    expect(result.defined && result.rate.toDecimalPlaces(10).toFixed()).toBe('0.1');
    // A start (2026-04-15) that saw the buy still has its shares taken back out, at the deletion's rate.
    expect(
      investorCashFlows(flows, { date: '2026-04-15', value: money(1425), seenSeq: 2 }, end).map((flow) => [
        flow.date,
        flow.amount.toFixed(),
      ]),
    ).toEqual([
      ['2026-04-15', '-1025'],
      ['2027-03-31', '1045'],
    ]);
  });
});
