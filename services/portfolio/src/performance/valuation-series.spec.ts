import { money } from '../money/money';
import type { EntryFlow } from './ledger-flows';
import { timeWeightedReturn } from './time-weighted-return';
import { valuationSeries } from './valuation-series';

const flow = (date: string, seq: number, amount: string): EntryFlow => ({
  date,
  seq,
  flow: money(amount),
  moneyIn: money(amount).greaterThan(0) ? money(amount) : money(0),
  moneyOut: money(amount).lessThan(0) ? money(amount).negated() : money(0),
  income: money(0),
});

describe(valuationSeries.name, () => {
  it('charges a buy recorded after the snapshot of its trade day to the next value, not to that snapshot', () => {
    // Created empty; the 16:00 snapshot of the 3rd saw no transaction (seq 0); at 18:00 1,000 is bought
    // with the 3rd's date (seq 1). The 4th's snapshot sees it and is worth 1,050; now 1,100.
    const points = valuationSeries(
      { date: '2026-05-02', value: money(0), seenSeq: 0, held: false },
      [
        { date: '2026-05-03', value: money(0), seenSeq: 0, held: false },
        { date: '2026-05-04', value: money(1050), seenSeq: 1, held: true },
      ],
      { date: '2026-05-05', value: money(1100), held: true },
      [flow('2026-05-03', 1, '1000')],
    );
    expect(points.map((point) => [point.date, point.value.toFixed(), point.flow.toFixed()])).toEqual([
      ['2026-05-02', '0', '0'],
      ['2026-05-03', '0', '0'],
      ['2026-05-04', '1050', '1000'],
      ['2026-05-05', '1100', '0'],
    ]);
    expect(timeWeightedReturn(points).rate.toFixed()).toBe('0.1');
  });

  it('charges backdated history imported after snapshots to the first value that includes it', () => {
    // Snapshots of the 3rd and 4th saw seq 1 (a buy of 1,000 on the 1st); an import then records a buy of
    // 500 dated the 2nd (seq 2): it is in no snapshot, so it flows into now.
    const points = valuationSeries(
      { date: '2026-05-02', value: money(1000), seenSeq: 1, held: true },
      [
        { date: '2026-05-03', value: money(1000), seenSeq: 1, held: true },
        { date: '2026-05-04', value: money(1100), seenSeq: 1, held: true },
      ],
      { date: '2026-05-05', value: money(1650), held: true },
      [flow('2026-05-01', 1, '1000'), flow('2026-05-02', 2, '500')],
    );
    expect(points.map((point) => point.flow.toFixed())).toEqual(['0', '0', '0', '500']);
    // 1,100 / 1,000 × 1,650 / (1,100 + 500) − 1 = 13.4375 %
    expect(timeWeightedReturn(points).rate.toFixed()).toBe('0.134375');
  });
});
