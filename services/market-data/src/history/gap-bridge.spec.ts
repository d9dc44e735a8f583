import Decimal from 'decimal.js';
import { parseBundledSeries } from './bundled-data.reader';
import { BUNDLED_SERIES } from './bundled-series';
import { planDailyBars, type PlannedInstrument } from './history-plan';

const window = { from: '2025-10-21', to: '2026-11-24' };
const stock: PlannedInstrument = {
  symbol: 'NVDA',
  calendar: 'exchange',
  referencePrice: '185.00000000',
  annualVolatility: '0.4800',
  priceDecimals: 2,
};
const closes = (bars: { close: string }[]) => bars.map((bar) => new Decimal(bar.close));

describe('backfill of a gap after downtime', () => {
  // Live prices drifted from 185 to about 250 before the service went down on 2026-11-10.
  const lastBar = { date: '2026-11-10', close: '250.00' };

  it('bridges the missed days from the last stored close to the latest price, not the reference', () => {
    const bars = planDailyBars(stock, window, 42, undefined, { lastBar, latestPrice: '260.00' });
    const gap = bars.filter((bar) => bar.date > lastBar.date);
    expect(gap.map((bar) => bar.date)).toEqual([
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
    ]);
    expect(gap[gap.length - 1].close).toBe('260.00');
    // Ten days at 48 % a year move a few percent, nowhere near the reference's −26 %.
    for (const close of closes(gap)) expect(close.gt(225) && close.lt(290)).toBe(true);
    expect(gap.every((bar) => bar.synthetic && bar.source === 'simulated-history')).toBe(true);
    // The reference-anchored plan, for contrast, ends where live prices never were.
    const unbridged = planDailyBars(stock, window, 42);
    expect(unbridged[unbridged.length - 1].close).toBe('185.00');
  });

  it('starts from the last close and ends free when there is no live price', () => {
    const bars = planDailyBars(stock, window, 42, undefined, { lastBar });
    const gap = closes(bars.filter((bar) => bar.date > lastBar.date));
    expect(gap).toHaveLength(10);
    for (const close of gap) expect(close.gt(200) && close.lt(310)).toBe(true);
  });

  it('ends at the latest price when no bar is stored yet', () => {
    const bars = planDailyBars(stock, window, 42, undefined, { latestPrice: '260.00' });
    expect(bars[0].date).toBe(window.from);
    expect(bars[bars.length - 1]).toMatchObject({ date: window.to, close: '260.00' });
  });

  it('keeps real closes after the last stored bar and bridges from the last of them', () => {
    const series = BUNDLED_SERIES.BRENT;
    const points = parseBundledSeries(
      'Date,Price\n2026-11-18,90.10\n2026-11-19,91.5\n2026-11-20,90.00\n',
      series,
    );
    const brent = { ...stock, symbol: 'BRENT', calendar: '24/5' as const, referencePrice: '60.00' };
    const bars = planDailyBars(
      brent,
      window,
      42,
      { series, points },
      {
        lastBar: { date: '2026-11-18', close: '90.10' },
        latestPrice: '92.00',
      },
    );
    const after = bars.filter((bar) => bar.date > '2026-11-18');
    expect(after.map((bar) => [bar.date, bar.close, bar.synthetic])).toEqual([
      ['2026-11-19', '91.5', false],
      ['2026-11-20', '90', false],
      ['2026-11-23', expect.any(String), true],
      ['2026-11-24', '92.00', true],
    ]);
    expect(new Decimal(after[2].close).minus(91).abs().lt(5)).toBe(true);
  });
});
