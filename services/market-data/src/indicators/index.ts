export type { DailyBar } from './daily-bar';
export { IndicatorDecimal, type DecimalInput } from './indicator-decimal';
export { toOutput } from './to-output';
export type { Series } from './series';
export { sma, ema } from './moving-averages';
export { rsi } from './rsi';
export { macd, DEFAULT_MACD_PERIODS, type MacdPeriods, type MacdSeries } from './macd';
export { bollinger, type BollingerSeries } from './bollinger';
export { percentChange, rangePosition, realisedVolatility, type RangePosition } from './momentum';
export { CALENDAR_DAYS, indicatorWindows, TRADING_DAYS, type IndicatorWindows } from './indicator-windows';
export { indicatorSnapshot, type IndicatorSnapshot } from './indicator-snapshot';
export { crossovers, type Crossover } from './crossovers';
export {
  detectSignals,
  DEFAULT_SIGNAL_PAIR,
  RSI_OVERBOUGHT,
  RSI_OVERSOLD,
  type Signal,
  type SignalDirection,
  type SignalOptions,
  type SignalType,
} from './signals';
