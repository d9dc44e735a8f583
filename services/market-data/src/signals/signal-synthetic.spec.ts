import type { Signal } from '../indicators';
import { labelSynthetic } from './signal-synthetic';

const day = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
const bars = (synthetic: number[], count = 30) =>
  Array.from({ length: count }, (_, index) => ({ date: day(index), synthetic: synthetic.includes(index) }));
const signal = (index: number, type: Signal['type'], slowPeriod?: number): Signal => ({
  symbol: 'X',
  date: day(index),
  type,
  direction: 'bullish',
  strength: '1.0000',
  ...(slowPeriod !== undefined ? { fastPeriod: 2, slowPeriod } : {}),
});

describe(labelSynthetic.name, () => {
  it('labels a cross synthetic when its slow window or the bar before holds a synthetic bar', () => {
    // Bar 20 with a 5-bar slow average reads bars 16-20, and bar 15 for the side before.
    const labels = (synthetic: number[]) =>
      labelSynthetic([signal(20, 'pair_golden_cross', 5)], bars(synthetic), 252).map((s) => s.synthetic);
    expect(labels([])).toEqual([false]);
    expect(labels([14])).toEqual([false]);
    expect(labels([15])).toEqual([true]);
    expect(labels([20])).toEqual([true]);
    expect(labels([21, 29])).toEqual([false]);
  });

  it('reads 15 bars back for RSI and the year for 52-week extremes', () => {
    const rsi = (synthetic: number[]) =>
      labelSynthetic([signal(25, 'rsi_oversold')], bars(synthetic), 252)[0].synthetic;
    expect(rsi([10])).toBe(false);
    expect(rsi([11])).toBe(true);
    const high = (synthetic: number[]) =>
      labelSynthetic([signal(25, 'new_52w_high')], bars(synthetic), 20)[0].synthetic;
    expect(high([5])).toBe(false);
    expect(high([6])).toBe(true);
  });
});
