import Decimal from 'decimal.js';
import type { DailyBar } from './daily-bar';
import { indicatorSnapshot } from './indicator-snapshot';
import { indicatorWindows } from './indicator-windows';
import { realisedVolatility } from './momentum';
import { detectSignals } from './signals';

/** One bar every calendar day from 2025-01-01, as a 24/7 market has. */
const dayAt = (index: number) =>
  new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
const bars = (closes: readonly number[], highs: Record<number, number> = {}): DailyBar[] =>
  closes.map((close, index) => ({
    date: dayAt(index),
    open: String(close),
    high: String(highs[index] ?? close),
    low: String(close),
    close: String(close),
  }));

describe('indicator windows by trading calendar', () => {
  it('keeps the 252-trading-day year for weekday markets and uses calendar days around the clock', () => {
    expect(indicatorWindows('24/5')).toEqual({ oneMonth: 21, threeMonths: 63, sixMonths: 126, year: 252 });
    expect(indicatorWindows('exchange')).toEqual(indicatorWindows('24/5'));
    expect(indicatorWindows('24/7')).toEqual({ oneMonth: 30, threeMonths: 91, sixMonths: 182, year: 365 });
  });

  it('takes the 52-week range of a 24/7 market over 365 bars and its 1M momentum over 30', () => {
    // 400 daily bars: close = 100 + index, and a spike 300 bars back (inside 365, outside 252).
    const series = bars(
      Array.from({ length: 400 }, (_, index) => 100 + index),
      { 99: 1000, 34: 2000 },
    );
    const snapshot = indicatorSnapshot(series, indicatorWindows('24/7'));
    // Bar 34 is 366 bars back from bar 399 and left the window; bar 99 (300 back) is in it.
    expect(snapshot.high52).toBe('1000.00000000');
    expect(snapshot.low52).toBe('135.00000000');
    // 499 / 469 − 1
    expect(snapshot.momentum1m).toBe(new Decimal(499).dividedBy(469).minus(1).times(100).toFixed(8));
    expect(indicatorSnapshot(series).high52).toBe('499.00000000');
  });

  it('annualises a 24/7 market volatility with √365', () => {
    const closes = ['100', '200', '100'];
    const perBar = new Decimal(2).ln().times(new Decimal(2).sqrt());
    expect(realisedVolatility(closes, 2, 365)[2]).toBe(
      perBar.times(new Decimal(365).sqrt()).times(100).toFixed(8),
    );
    const snapshot = indicatorSnapshot(
      bars([...Array<number>(60).fill(100), 200, 100]),
      indicatorWindows('24/7'),
    );
    const returns = [...Array<Decimal>(58).fill(new Decimal(0)), new Decimal(2).ln(), new Decimal(0.5).ln()];
    const mean = returns.reduce((sum, value) => sum.plus(value), new Decimal(0)).dividedBy(60);
    const variance = returns
      .reduce((sum, value) => sum.plus(value.minus(mean).pow(2)), new Decimal(0))
      .dividedBy(59);
    expect(snapshot.vol60).toBe(variance.sqrt().times(new Decimal(365).sqrt()).times(100).toFixed(8));
  });

  it('signals a new 52-week high of a 24/7 market only above the whole calendar year', () => {
    // A high of 500 300 bars before a close of 450: a new high over 252 bars, not over 365.
    const closes = Array.from({ length: 400 }, () => 100);
    closes[399] = 450;
    const series = bars(closes, { 99: 500 });
    const types = (yearBars?: number) =>
      detectSignals('BTCUSD', series, { yearBars }).filter((signal) => signal.type === 'new_52w_high');
    expect(types(indicatorWindows('24/7').year)).toEqual([]);
    expect(types().map((signal) => signal.date)).toEqual([dayAt(399)]);
  });
});
