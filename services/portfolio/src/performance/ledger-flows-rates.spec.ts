import { money } from '../money/money';
import type { LedgerEntry } from '../transactions/transaction-types';
import { entryFlows } from './ledger-flows';

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
});
