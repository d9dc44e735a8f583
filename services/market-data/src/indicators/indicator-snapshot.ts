import type Decimal from 'decimal.js';
import { bollingerDecimals } from './bollinger';
import type { DailyBar } from './daily-bar';
import { macdDecimals } from './macd';
import { percentChangeDecimals, rangePositionDecimals, realisedVolatilityDecimals } from './momentum';
import { TRADING_DAYS, type IndicatorWindows } from './indicator-windows';
import { emaDecimals, smaDecimals } from './moving-averages';
import { parseDailyBars } from './parsed-bars';
import { rsiDecimals } from './rsi';
import type { DecimalSeries } from './series';
import { toOutput } from './to-output';

/** The latest value of every indicator, as of the last bar; null where the history is too short. */
export interface IndicatorSnapshot {
  /** Date of the latest bar; null when there are no bars. */
  date: string | null;
  close: string | null;
  sma20: string | null;
  sma50: string | null;
  sma200: string | null;
  ema20: string | null;
  ema50: string | null;
  ema200: string | null;
  rsi14: string | null;
  macdLine: string | null;
  macdSignal: string | null;
  macdHistogram: string | null;
  bollingerUpper: string | null;
  bollingerMiddle: string | null;
  bollingerLower: string | null;
  /** Percent change over 1, 3 and 6 months of bars (21/63/126, or 30/91/182 for a 24/7 market). */
  momentum1m: string | null;
  momentum3m: string | null;
  momentum6m: string | null;
  /** Highest high and lowest low of the last year of bars (252, or 365 for 24/7), and the close's distance. */
  high52: string | null;
  low52: string | null;
  distanceFromHigh52: string | null;
  distanceFromLow52: string | null;
  /** Annualised realised volatility of the last 20 and 60 daily log returns, in percent. */
  vol20: string | null;
  vol60: string | null;
}

function latest(series: DecimalSeries): string | null {
  const value = series.length === 0 ? null : series[series.length - 1];
  return value === null ? null : toOutput(value);
}

export function indicatorSnapshot(
  bars: readonly DailyBar[],
  windows: IndicatorWindows = TRADING_DAYS,
): IndicatorSnapshot {
  const { dates, high, low, close } = parseDailyBars(bars);
  const macd = macdDecimals(close);
  const range = rangePositionDecimals(high, low, close, windows.year);
  // Bands (a square root per bar) and volatility (a logarithm per bar) are the costly ones, and depend
  // only on their last window, unlike the EMAs: they get just that window.
  const bands = bollingerDecimals(close.slice(-20));
  const volatility = (returns: number, closes: readonly Decimal[]) =>
    latest(realisedVolatilityDecimals(closes.slice(-(returns + 1)), returns, windows.year));
  return {
    date: dates.length === 0 ? null : dates[dates.length - 1],
    close: latest(close),
    sma20: latest(smaDecimals(close, 20)),
    sma50: latest(smaDecimals(close, 50)),
    sma200: latest(smaDecimals(close, 200)),
    ema20: latest(emaDecimals(close, 20)),
    ema50: latest(emaDecimals(close, 50)),
    ema200: latest(emaDecimals(close, 200)),
    rsi14: latest(rsiDecimals(close, 14)),
    macdLine: latest(macd.line),
    macdSignal: latest(macd.signal),
    macdHistogram: latest(macd.histogram),
    bollingerUpper: latest(bands.upper),
    bollingerMiddle: latest(bands.middle),
    bollingerLower: latest(bands.lower),
    momentum1m: latest(percentChangeDecimals(close, windows.oneMonth)),
    momentum3m: latest(percentChangeDecimals(close, windows.threeMonths)),
    momentum6m: latest(percentChangeDecimals(close, windows.sixMonths)),
    high52: latest(range.high),
    low52: latest(range.low),
    distanceFromHigh52: latest(range.fromHigh),
    distanceFromLow52: latest(range.fromLow),
    vol20: volatility(20, close),
    vol60: volatility(60, close),
  };
}
