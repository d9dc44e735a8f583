import type { Signal } from '../indicators';

export interface SourcedDailyBar {
  date: string;
  /** Made up by the simulation (the backfill), not observed. */
  synthetic: boolean;
}

export type SourcedSignal = Signal & { synthetic: boolean };

/** RSI14 plus the bar before: the smoothing remembers older bars, but these decide whether it crosses. */
const RSI_BARS = 15;

/**
 * The bars a signal was computed from, ending at its own bar: the slow average's window and the bar before
 * (a cross compares two consecutive bars), the RSI's, or the 52-week window.
 */
export function barsBehind(signal: Signal, yearBars: number): number {
  if (signal.slowPeriod !== undefined) return signal.slowPeriod + 1;
  if (signal.type === 'rsi_overbought' || signal.type === 'rsi_oversold') return RSI_BARS;
  return yearBars;
}

/**
 * Labels each signal synthetic when any bar it was computed from is: a cross on made-up prices is not
 * one to trade on. `bars` are the ones the signals were detected in, oldest first.
 */
export function labelSynthetic(
  signals: readonly Signal[],
  bars: readonly SourcedDailyBar[],
  yearBars: number,
): SourcedSignal[] {
  const indexOf = new Map(bars.map((bar, index) => [bar.date, index]));
  // syntheticBefore[i]: synthetic bars among the first i.
  const syntheticBefore = [0];
  for (const bar of bars)
    syntheticBefore.push(syntheticBefore[syntheticBefore.length - 1] + (bar.synthetic ? 1 : 0));
  return signals.map((signal) => {
    const end = indexOf.get(signal.date)!;
    const start = Math.max(0, end + 1 - barsBehind(signal, yearBars));
    return { ...signal, synthetic: syntheticBefore[end + 1] - syntheticBefore[start] > 0 };
  });
}
