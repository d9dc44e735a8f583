import type { DailyBar } from './daily-bar';
import { detectSignals, type Signal } from './signals';

/** Consecutive calendar dates from 2024-01-01 (weekends do not matter to the indicators). */
const dayAt = (index: number) =>
  new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
const flatBars = (closes: readonly string[]): DailyBar[] =>
  closes.map((close, index) => ({ date: dayAt(index), open: close, high: close, low: close, close }));

describe(detectSignals.name, () => {
  // 200 closes at 100, then 99, 101, 101. Every value below is worked out by hand.
  const closes = [...Array<string>(200).fill('100'), '99', '101', '101'];

  it('finds every signal of the history, sorted by date', () => {
    expect(detectSignals('AAPL', flatBars(closes))).toEqual<Signal[]>([
      // Flat: RSI 50 (no movement). Bar 200 (−1): average gain 0, average loss 1/14 → RSI 0, through 30.
      {
        symbol: 'AAPL',
        date: dayAt(200),
        type: 'rsi_oversold',
        direction: 'bullish',
        strength: '30.0000',
        fast: '0.00000000',
        slow: '30.00000000',
        distance: '-30.00000000',
      },
      // Bar 199: close 100 = SMA200 (no side). Bar 200: 99 < 99.995. Bar 201: 101 > (198·100 + 99 + 101)/200 = 100.
      {
        symbol: 'AAPL',
        date: dayAt(201),
        type: 'price_cross_above_sma200',
        direction: 'bullish',
        strength: '1.0000',
        fast: '101.00000000',
        slow: '100.00000000',
        distance: '1.00000000',
        slowPeriod: 200,
      },
      // No golden cross: SMA50 − SMA200 is bar 200 99.98 − 99.995 < 0, bar 201 100 − 100 = 0, bar 202
      // 5001/50 − 20001/200 = 100.02 − 100.005 > 0, i.e. (−, 0, +), and the rule wants opposite signs on two
      // consecutive bars. SMA20 − SMA50 likewise: 99.95 − 99.98, 100 − 100, 100.05 − 100.02. RSI after bar
      // 201: gains 2/14, losses 13/196 → RS 28/13 → 68.29, below 70; bar 202 (flat) keeps RS and RSI.
    ]);
  });

  it('sorts the bars first, whatever order they come in', () => {
    const bars = flatBars(closes);
    const shuffled = [...bars.slice(150), ...bars.slice(0, 150).reverse()];
    expect(detectSignals('AAPL', shuffled)).toEqual(detectSignals('AAPL', bars));
  });

  it('detects a death cross on a configurable pair, and none through a bar of equality (by hand)', () => {
    // SMA2: −, 10.5, 11.5, 10.5, 7.5, 9, 13.5. SMA3: −, −, 11, 32/3, 9, 9, 11.
    // Difference from bar 2: +0.5, −1/6 (death cross: + then −), −1.5, 0, +2.5. Bars 5-6 are (0, +)
    // and bars 4-5 (−, 0): the rise through the zero bar is not a cross.
    const signals = detectSignals('X', flatBars(['10', '11', '12', '9', '6', '12', '15']), {
      pair: { fast: 2, slow: 3 },
    });
    expect(signals).toEqual<Signal[]>([
      {
        symbol: 'X',
        date: dayAt(3),
        type: 'pair_death_cross',
        direction: 'bearish',
        // (1/6) / (32/3) × 100 = 100/64
        strength: '1.5625',
        fast: '10.50000000',
        slow: '10.66666667',
        distance: '-0.16666667',
        fastPeriod: 2,
        slowPeriod: 3,
      },
    ]);
  });

  it('signals price falling through SMA200 as bearish, and no death cross through a bar of equality', () => {
    // The mirror image of the first case: bar 200 (+1) takes RSI from 50 to 100; bar 201 (99) falls
    // below SMA200 = (198·100 + 101 + 99)/200 = 100 from above (101 > 100.005). SMA50 − SMA200 is
    // 100.02 − 100.005 > 0, then 100 − 100 = 0, then 99.98 − 99.995 < 0: (+, 0, −), no death cross; the
    // 20/50 pair likewise. RSI after bar 201: gains 13/196, losses 2/14 → RS 13/28 → 31.71, above 30.
    const signals = detectSignals('X', flatBars([...Array<string>(200).fill('100'), '101', '99', '99']));
    const types = signals.map(({ type, direction }) => `${type}:${direction}`);
    expect(types).toEqual(['rsi_overbought:bearish', 'price_cross_below_sma200:bearish']);
  });

  it('signals golden crosses when the averages change sides between two consecutive bars (by hand)', () => {
    // 200 closes at 100, then 99, 102. Bar 200: SMA20 (19·100 + 99)/20 = 99.95, SMA50 (49·100 + 99)/50 =
    // 99.98, SMA200 (199·100 + 99)/200 = 99.995: every gap negative. Bar 201: SMA20 (18·100 + 201)/20 =
    // 100.05, SMA50 (48·100 + 201)/50 = 100.02, SMA200 (198·100 + 201)/200 = 100.005: every gap positive.
    // RSI: bar 200 falls to 0 (gains 0, losses 1/14); bar 201 gains 3/14, losses 13/196 → RS 42/13 →
    // 100 − 100·13/55 = 76.36, through 70.
    const signals = detectSignals('X', flatBars([...Array<string>(200).fill('100'), '99', '102']));
    expect(signals.map(({ date, type }) => `${date} ${type}`)).toEqual([
      `${dayAt(200)} rsi_oversold`,
      `${dayAt(201)} golden_cross`,
      `${dayAt(201)} pair_golden_cross`,
      `${dayAt(201)} price_cross_above_sma200`,
      `${dayAt(201)} rsi_overbought`,
    ]);
    expect(signals.filter(({ type }) => type.endsWith('golden_cross'))).toEqual<Signal[]>([
      {
        symbol: 'X',
        date: dayAt(201),
        type: 'golden_cross',
        direction: 'bullish',
        // 0.015 / 100.005 × 100 = 0.014999…
        strength: '0.0150',
        fast: '100.02000000',
        slow: '100.00500000',
        distance: '0.01500000',
        fastPeriod: 50,
        slowPeriod: 200,
      },
      {
        symbol: 'X',
        date: dayAt(201),
        type: 'pair_golden_cross',
        direction: 'bullish',
        // 0.03 / 100.02 × 100 = 0.029994…
        strength: '0.0300',
        fast: '100.05000000',
        slow: '100.02000000',
        distance: '0.03000000',
        fastPeriod: 20,
        slowPeriod: 50,
      },
    ]);
    // price − SMA200 = 102 − 100.005 = 1.995; RSI − 70 = 6.3636…
    const price = signals.find(({ type }) => type === 'price_cross_above_sma200')!;
    expect([price.strength, price.distance]).toEqual(['1.9949', '1.99500000']);
    const rsi = signals.find(({ type }) => type === 'rsi_overbought')!;
    expect([rsi.fast, rsi.strength]).toEqual(['76.36363636', '6.3636']);
  });

  it('signals death crosses when the averages change sides between two consecutive bars', () => {
    // The mirror: 100s, then 101, 98. Bar 200 gaps: 100.05 − 100.02, 100.02 − 100.005 (positive);
    // bar 201: (1800 + 199)/20 = 99.95 − 99.98, 4999/50 = 99.98 − 99.995 (negative); 98 < 99.995.
    // RSI: 100 at bar 200; bar 201 gains 13/196, losses 3/14 → RS 13/42 → 100 − 100·42/55 = 23.64.
    const signals = detectSignals('X', flatBars([...Array<string>(200).fill('100'), '101', '98']));
    expect(signals.map(({ date, type }) => `${date} ${type}`)).toEqual([
      `${dayAt(200)} rsi_overbought`,
      `${dayAt(201)} death_cross`,
      `${dayAt(201)} pair_death_cross`,
      `${dayAt(201)} price_cross_below_sma200`,
      `${dayAt(201)} rsi_oversold`,
    ]);
  });

  it('never signals on the first bar an indicator exists, whatever its side', () => {
    // RSI starts at 100 (above 70) and SMA2 above SMA3: neither is a cross.
    const rising = Array.from({ length: 30 }, (_, index) => String(100 + index));
    expect(detectSignals('X', flatBars(rising), { pair: { fast: 2, slow: 3 } })).toEqual([]);
  });

  describe('52-week highs and lows', () => {
    // 251 bars: high 101, low 99, close 100. Then two bars that break out of that range.
    const range = (count: number): DailyBar[] =>
      Array.from({ length: count }, (_, index) => ({
        date: dayAt(index),
        open: '100',
        high: '101',
        low: '99',
        close: '100',
      }));
    const of = (signals: Signal[]) => signals.filter(({ type }) => type.startsWith('new_52w'));

    it('signals a close above the highest high (below the lowest low) of the previous 251 bars', () => {
      const bars = [
        ...range(251),
        { date: dayAt(251), open: '100', high: '102', low: '100', close: '101.5' },
        { date: dayAt(252), open: '100', high: '100', low: '98', close: '98.5' },
      ];
      expect(of(detectSignals('X', bars))).toEqual<Signal[]>([
        {
          symbol: 'X',
          date: dayAt(251),
          type: 'new_52w_high',
          direction: 'bullish',
          // 0.5 / 101 × 100
          strength: '0.4950',
          fast: '101.50000000',
          slow: '101.00000000',
          distance: '0.50000000',
        },
        {
          symbol: 'X',
          date: dayAt(252),
          type: 'new_52w_low',
          direction: 'bearish',
          // 0.5 / 99 × 100
          strength: '0.5051',
          fast: '98.50000000',
          slow: '99.00000000',
          distance: '-0.50000000',
        },
      ]);
    });

    it('does not count equalling the old extreme', () => {
      const bars = [...range(251), { date: dayAt(251), open: '100', high: '101', low: '99', close: '101' }];
      expect(of(detectSignals('X', bars))).toEqual([]);
    });

    it('stays silent with fewer than 251 earlier bars, since the 52-week extreme is unknown', () => {
      const bars = [...range(250), { date: dayAt(250), open: '100', high: '150', low: '100', close: '150' }];
      expect(of(detectSignals('X', bars))).toEqual([]);
    });
  });

  it('rejects duplicate dates, bad prices and a pair that is not fast < slow', () => {
    const bars = flatBars(['1', '2']);
    expect(() => detectSignals('X', [...bars, bars[1]])).toThrow(/two bars on/);
    expect(() => detectSignals('X', [{ ...bars[0], close: 'n/a' }])).toThrow(RangeError);
    expect(() => detectSignals('X', [{ ...bars[0], date: '2024-1-1' }])).toThrow(/YYYY-MM-DD/);
    expect(() => detectSignals('X', bars, { pair: { fast: 50, slow: 20 } })).toThrow(RangeError);
  });

  it('finds nothing in no bars', () => {
    expect(detectSignals('X', [])).toEqual([]);
  });
});
