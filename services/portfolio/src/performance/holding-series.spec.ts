import { money } from '../money/money';
import { holdingSeries, type HoldingsPoint } from './holding-series';

const point = (date: string, seenSeq: number, holdings: Record<string, string | null>): HoldingsPoint => ({
  date,
  seenSeq,
  value: Object.values(holdings).reduce((total, value) => total.plus(value ?? 0), money(0)),
  held: Object.keys(holdings).length > 0,
  holdings: new Map(Object.entries(holdings)),
});
const shown = (series: ReturnType<typeof holdingSeries>) =>
  series && [series.start, ...series.snapshots, series.now].map((p) => [p.date, p.value.toFixed()]);

describe(holdingSeries.name, () => {
  it('takes the holding’s line of each point, zero where it was not held', () => {
    const sut = holdingSeries(
      'A',
      point('2026-05-01', 1, { B: '500' }),
      [point('2026-05-02', 2, { A: '100', B: '510' }), point('2026-05-03', 3, { B: '520' })],
      { date: '2026-05-04', value: money(0), held: false },
    );
    expect(shown(sut)).toEqual([
      ['2026-05-01', '0'],
      ['2026-05-02', '100'],
      ['2026-05-03', '0'],
      ['2026-05-04', '0'],
    ]);
    expect(sut!.snapshots.map((s) => s.seenSeq)).toEqual([2, 3]);
  });

  it('skips a snapshot that could not price the holding rather than counting it as worth nothing', () => {
    const sut = holdingSeries(
      'A',
      point('2026-05-01', 1, { A: '100' }),
      [point('2026-05-02', 2, { A: null }), point('2026-05-03', 3, { A: '120' })],
      { date: '2026-05-04', value: money(130), held: true },
    );
    expect(shown(sut)).toEqual([
      ['2026-05-01', '100'],
      ['2026-05-03', '120'],
      ['2026-05-04', '130'],
    ]);
  });

  it('starts at the first point that values the holding when the start could not, and at now without one', () => {
    const unpricedStart = point('2026-05-01', 1, { A: null });
    const later = holdingSeries('A', unpricedStart, [point('2026-05-02', 2, { A: '90' })], {
      date: '2026-05-03',
      value: money(99),
      held: true,
    });
    expect(later!.start).toEqual({ date: '2026-05-02', value: money(90), seenSeq: 2, held: true });
    const none = holdingSeries('A', unpricedStart, [], { date: '2026-05-03', value: money(99), held: true });
    expect(none!.start).toEqual({ date: '2026-05-03', value: money(99), seenSeq: Infinity, held: true });
  });

  it('has no series without a value now', () => {
    expect(
      holdingSeries('A', point('2026-05-01', 1, {}), [], {
        date: '2026-05-02',
        value: undefined,
        held: true,
      }),
    ).toBe(undefined);
  });
});
