import type { DailyBar } from '../indicators';
import { buildTrendReport, periodChange } from './trend-report.builder';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Consecutive calendar days ending 2026-11-24, closes from `close(i)`. */
function bars(count: number, close: (i: number) => number): DailyBar[] {
  const end = Date.parse('2026-11-24T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const value = String(close(i));
    const date = new Date(end - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { date, open: value, high: value, low: value, close: value };
  });
}

const rising = { symbol: 'UP', name: 'Rising', category: 'stock', bars: bars(210, (i) => 100 + i) };
const falling = { symbol: 'DOWN', name: 'Falling', category: 'stock', bars: bars(210, (i) => 400 - i) };
const young = { symbol: 'NEW', name: 'New listing', category: 'crypto', bars: bars(10, () => 50) };

function report(kind: 'daily' | 'weekly') {
  return buildTrendReport({
    kind,
    date: '2026-11-25',
    generatedAt: new Date('2026-11-25T08:00:00Z'),
    window: { from: new Date('2026-11-24T08:00:00Z'), to: new Date('2026-11-25T08:00:00Z') },
    instruments: [rising, falling, young],
    signals: [
      { symbol: 'UP', date: '2026-11-23', type: 'rsi-overbought', direction: 'bearish', strength: '80.0000' },
      { symbol: 'DOWN', date: '2026-11-24', type: 'new-52w-low', direction: 'bearish', strength: '1.0000' },
    ],
  });
}

describe('buildTrendReport', () => {
  it('classifies each asset against its 50- and 200-day averages', () => {
    const daily = report('daily');
    expect(daily.summary.regimes).toEqual({
      'strong-uptrend': 1,
      uptrend: 0,
      neutral: 0,
      downtrend: 0,
      'strong-downtrend': 1,
      'insufficient-history': 1,
    });
    const up = daily.assets.find((asset) => asset.symbol === 'UP')!;
    // Closes 100..309: the last 50 average (260+309)/2 = 284.5, the last 200 (110+309)/2 = 209.5.
    expect(up).toMatchObject({ close: '309.00000000', sma50: '284.50000000', sma200: '209.50000000' });
  });

  it('computes the daily change against the previous bar and lists movers by it', () => {
    const daily = report('daily');
    // UP: 309 against 308 = +0.32467…%; DOWN: 191 against 192 = −0.52083…%; NEW: unchanged.
    expect(daily.topGainers).toEqual([
      { symbol: 'UP', name: 'Rising', change: '0.3247', close: '309.00000000' },
    ]);
    expect(daily.topLosers).toEqual([
      { symbol: 'DOWN', name: 'Falling', change: '-0.5208', close: '191.00000000' },
    ]);
    expect(daily.summary).toMatchObject({ instruments: 3, advancing: 1, declining: 1, unchanged: 1 });
  });

  it('computes the weekly change against the last bar a week older', () => {
    // UP: 309 against 302 (seven days before) = +2.31788…%.
    expect(report('weekly').assets.find((asset) => asset.symbol === 'UP')!.change).toBe('2.3179');
  });

  it('ranks 3-month momentum across the catalogue, leaving short histories unranked', () => {
    const daily = report('daily');
    // 63 bars back: UP 246 -> 309 = +25.6098 %, DOWN 254 -> 191 = -24.8031 %.
    const bySymbol = Object.fromEntries(daily.assets.map((asset) => [asset.symbol, asset]));
    expect(bySymbol.UP).toMatchObject({ momentumRank3m: 1, momentum3m: '25.60975610' });
    expect(bySymbol.DOWN).toMatchObject({ momentumRank3m: 2, momentum3m: '-24.80314961' });
    expect(bySymbol.NEW).toMatchObject({ momentumRank3m: null, regime: 'insufficient-history' });
    expect(daily.momentumLeaders.map((leader) => leader.symbol)).toEqual(['UP', 'DOWN']);
  });

  it('lists fresh signals newest first and assets by category, then symbol', () => {
    const daily = report('daily');
    expect(daily.signals.map((signal) => signal.symbol)).toEqual(['DOWN', 'UP']);
    expect(daily.assets.map((asset) => asset.symbol)).toEqual(['NEW', 'DOWN', 'UP']);
  });
});

describe('periodChange', () => {
  it('is undefined with fewer than two bars or no bar a week back', () => {
    expect(
      periodChange(
        bars(1, () => 5),
        'daily',
      ),
    ).toBeNull();
    expect(
      periodChange(
        bars(5, () => 5),
        'weekly',
      ),
    ).toBeNull();
  });
});
