import Decimal from 'decimal.js';
import type { DailyBar } from './daily-bar';
import { indicatorSnapshot, type IndicatorSnapshot } from './indicator-snapshot';
import { realisedVolatility } from './momentum';

const dayAt = (index: number) =>
  new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
/** One bar per close, with the high 1 above and the low 1 below it. */
const bars = (closes: readonly number[]): DailyBar[] =>
  closes.map((close, index) => ({
    date: dayAt(index),
    open: String(close),
    high: String(close + 1),
    low: String(close - 1),
    close: String(close),
  }));
const ratio = (numerator: number, denominator: number) =>
  new Decimal(numerator).dividedBy(denominator).times(100).toFixed(8);

describe(indicatorSnapshot.name, () => {
  it('gives the latest value of everything on a 300-bar straight line (by hand)', () => {
    // Closes 101 … 400. On a line with slope 1 every average lags by (n − 1)/2, the SMA-seeded EMA
    // included; MACD is then 25/2 − 11/2 = 7 with a signal of 7. Twenty consecutive integers have a
    // population deviation of √((20² − 1)/12), so the bands are 390.5 ± √133.
    const closes = Array.from({ length: 300 }, (_, index) => 101 + index);
    const snapshot = indicatorSnapshot(bars(closes));
    const volatility = (returns: number) => realisedVolatility(closes.map(String), returns).at(-1);
    expect(snapshot).toEqual<IndicatorSnapshot>({
      date: dayAt(299),
      close: '400.00000000',
      sma20: '390.50000000',
      sma50: '375.50000000',
      sma200: '300.50000000',
      ema20: '390.50000000',
      ema50: '375.50000000',
      ema200: '300.50000000',
      rsi14: '100.00000000',
      macdLine: '7.00000000',
      macdSignal: '7.00000000',
      macdHistogram: '0.00000000',
      bollingerUpper: new Decimal('390.5').plus(new Decimal(133).sqrt()).toFixed(8),
      bollingerMiddle: '390.50000000',
      bollingerLower: new Decimal('390.5').minus(new Decimal(133).sqrt()).toFixed(8),
      // (400 − 379)/379, (400 − 337)/337, (400 − 274)/274
      momentum1m: ratio(21, 379),
      momentum3m: ratio(63, 337),
      momentum6m: ratio(126, 274),
      // Bars 48 … 299: highest high 401, lowest low 149 − 1.
      high52: '401.00000000',
      low52: '148.00000000',
      distanceFromHigh52: ratio(-1, 401),
      distanceFromLow52: ratio(252, 148),
      vol20: volatility(20)!,
      vol60: volatility(60)!,
    });
    expect(Number(snapshot.vol20)).toBeGreaterThan(0);
  });

  it('has zero volatility and momentum, and collapsed bands, when nothing moves', () => {
    const snapshot = indicatorSnapshot(
      Array.from({ length: 260 }, (_, index) => ({
        date: dayAt(index),
        open: '50.5',
        high: '50.5',
        low: '50.5',
        close: '50.5',
      })),
    );
    expect(snapshot).toMatchObject({
      rsi14: '50.00000000',
      macdLine: '0.00000000',
      macdHistogram: '0.00000000',
      bollingerUpper: '50.50000000',
      bollingerLower: '50.50000000',
      momentum6m: '0.00000000',
      distanceFromHigh52: '0.00000000',
      vol20: '0.00000000',
      vol60: '0.00000000',
    });
  });

  it('leaves null whatever the history is too short for', () => {
    const closes = Array.from({ length: 30 }, (_, index) => 100 + (index % 3));
    const snapshot = indicatorSnapshot(bars(closes));
    expect(snapshot.date).toBe(dayAt(29));
    const present = Object.entries(snapshot)
      .filter(([, value]) => value !== null)
      .map(([key]) => key);
    // 30 bars: SMA/EMA20, RSI (15 closes), the MACD line (26) but not its signal (34), Bollinger (20),
    // 1M momentum (22), vol20 (21); nothing that needs 50, 60, 63, 126, 200 or 252.
    expect(present.sort()).toEqual(
      [
        'date',
        'close',
        'sma20',
        'ema20',
        'rsi14',
        'macdLine',
        'bollingerUpper',
        'bollingerMiddle',
        'bollingerLower',
        'momentum1m',
        'vol20',
      ].sort(),
    );
  });

  it('is all null with no bars', () => {
    const snapshot = indicatorSnapshot([]);
    expect(Object.values(snapshot).every((value) => value === null)).toBe(true);
  });
});
