import Decimal from 'decimal.js';
import { syntheticDailyBars, type SyntheticSeriesSpec } from './synthetic-daily-bars';
import { barDays, barsPerYear } from './trading-days';

const days = barDays('24/7', '2021-01-01', '2026-11-24');
const spec = (overrides: Partial<SyntheticSeriesSpec> = {}): SyntheticSeriesSpec => ({
  seed: 42,
  symbol: 'XAGUSD',
  days,
  annualVolatility: 0.28,
  barsPerYear: barsPerYear('24/7'),
  priceDecimals: 3,
  anchors: [{ date: '2026-11-24', price: 52.4 }],
  overnightGap: false,
  source: 'simulated-history',
  ...overrides,
});

function annualisedVolatility(closes: string[], perYear: number): number {
  const returns = closes.slice(1).map((close, index) => Math.log(Number(close) / Number(closes[index])));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * perYear);
}

describe(syntheticDailyBars.name, () => {
  it('is deterministic: the same seed gives the same bars, another seed others', () => {
    expect(syntheticDailyBars(spec())).toEqual(syntheticDailyBars(spec()));
    const other = syntheticDailyBars(spec({ seed: 7 }));
    expect(other.map((bar) => bar.close)).not.toEqual(syntheticDailyBars(spec()).map((bar) => bar.close));
  });

  it('gives a day the same return whatever range is generated', () => {
    const long = syntheticDailyBars(spec());
    const short = syntheticDailyBars(spec({ days: days.slice(-30) }));
    const ratio = (bars: { close: string }[], i: number) => Number(bars[i].close) / Number(bars[i - 1].close);
    expect(ratio(short, 10)).toBeCloseTo(ratio(long, long.length - 20), 3);
  });

  it('ends at the reference price and keeps the instrument precision', () => {
    const bars = syntheticDailyBars(spec());
    expect(bars).toHaveLength(days.length);
    expect(bars[bars.length - 1]).toMatchObject({ date: '2026-11-24', close: '52.400', synthetic: true });
    for (const bar of bars) {
      for (const price of [bar.open, bar.high, bar.low, bar.close]) {
        expect(price).toMatch(/^\d+\.\d{3}$/);
      }
    }
  });

  it.each([
    ['24/7', 0.28],
    ['24/5', 0.07],
    ['exchange', 0.6],
  ] as const)('realises the target volatility on a %s calendar (%s)', (calendar, volatility) => {
    const bars = syntheticDailyBars(
      spec({
        days: barDays(calendar, '2016-01-01', '2026-11-24'),
        annualVolatility: volatility,
        barsPerYear: barsPerYear(calendar),
        priceDecimals: 5,
        overnightGap: calendar !== '24/7',
      }),
    );
    const realised = annualisedVolatility(
      bars.map((bar) => bar.close),
      barsPerYear(calendar),
    );
    expect(realised).toBeGreaterThan(volatility * 0.93);
    expect(realised).toBeLessThan(volatility * 1.07);
  });

  it('draws coherent candles: low <= open, close <= high, all positive; around the clock opens at the last close', () => {
    const bars = syntheticDailyBars(spec());
    bars.forEach((bar, index) => {
      const [open, high, low, close] = [bar.open, bar.high, bar.low, bar.close].map((p) => new Decimal(p));
      expect(low.gt(0)).toBe(true);
      expect(high.gte(Decimal.max(open, close))).toBe(true);
      expect(low.lte(Decimal.min(open, close))).toBe(true);
      if (index > 0) expect(bar.open).toBe(bars[index - 1].close);
    });
    expect(bars.some((bar) => bar.high !== bar.close && bar.low !== bar.close)).toBe(true);
  });

  it('goes through every anchor and starts from a given previous close', () => {
    const window = barDays('24/5', '2026-05-01', '2026-11-24');
    const bars = syntheticDailyBars(
      spec({
        days: window,
        barsPerYear: barsPerYear('24/5'),
        priceDecimals: 2,
        anchors: [
          { date: '2026-06-15', price: 4228 },
          { date: '2026-08-15', price: 4500 }, // a Saturday: held on Monday the 17th
          { date: '2026-11-24', price: 4300 },
        ],
        previousClose: 4000,
        overnightGap: false,
      }),
    );
    const close = (date: string) => bars.find((bar) => bar.date === date)?.close;
    expect(close('2026-06-15')).toBe('4228.00');
    expect(close('2026-08-17')).toBe('4500.00');
    expect(close('2026-11-24')).toBe('4300.00');
    expect(bars[0].open).toBe('4000.00');
  });

  it('refuses a path with nothing to anchor it', () => {
    expect(() => syntheticDailyBars(spec({ anchors: [] }))).toThrow(/no anchor/);
    expect(() => syntheticDailyBars(spec({ anchors: [{ date: '2026-11-24', price: 0 }] }))).toThrow(
      /not positive/,
    );
  });
});
