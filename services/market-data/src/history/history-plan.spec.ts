import { parseBundledSeries } from './bundled-data.reader';
import { BUNDLED_SERIES } from './bundled-series';
import {
  assertCoherentBars,
  planDailyBars,
  realBarsFromCloses,
  type PlannedInstrument,
} from './history-plan';

const window = { from: '2025-10-21', to: '2026-11-24' };
const instrument = (overrides: Partial<PlannedInstrument>): PlannedInstrument => ({
  symbol: 'NVDA',
  calendar: 'exchange',
  referencePrice: '185.00000000',
  annualVolatility: '0.4800',
  priceDecimals: 2,
  ...overrides,
});
const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe(planDailyBars.name, () => {
  it('covers the window on the calendar and ends at the reference price', () => {
    const stock = planDailyBars(instrument({}), window, 42);
    expect(stock[0].date).toBe('2025-10-21');
    expect(stock[stock.length - 1]).toMatchObject({ date: '2026-11-24', close: '185.00' });
    expect(stock.some((bar) => weekend(bar.date))).toBe(false);
    expect(stock).toHaveLength(286);
    const crypto = planDailyBars(instrument({ symbol: 'BTCUSD', calendar: '24/7' }), window, 42);
    expect(crypto).toHaveLength(400);
    expect(crypto.every((bar) => bar.synthetic && bar.source === 'simulated-history')).toBe(true);
  });

  it('uses real closes as they are, then continues synthetically to the reference price', () => {
    const csv = 'Date,Price\n2026-11-18,90.10\n2026-11-19,91.5\n2026-11-20,90.00\n';
    const series = BUNDLED_SERIES.BRENT;
    const points = parseBundledSeries(csv, series);
    const bars = planDailyBars(
      instrument({ symbol: 'BRENT', calendar: '24/5', referencePrice: '95.29' }),
      window,
      42,
      { series, points },
    );
    expect(bars.slice(0, 3)).toEqual([
      {
        symbol: 'BRENT',
        date: '2026-11-18',
        open: '90.1',
        high: '90.1',
        low: '90.1',
        close: '90.1',
        source: 'eia',
        synthetic: false,
      },
      {
        symbol: 'BRENT',
        date: '2026-11-19',
        open: '90.1',
        high: '91.5',
        low: '90.1',
        close: '91.5',
        source: 'eia',
        synthetic: false,
      },
      {
        symbol: 'BRENT',
        date: '2026-11-20',
        open: '91.5',
        high: '91.5',
        low: '90',
        close: '90',
        source: 'eia',
        synthetic: false,
      },
    ]);
    // Friday's real close, then Monday and Tuesday generated, ending at the reference.
    expect(bars.slice(3).map((bar) => [bar.date, bar.synthetic, bar.source])).toEqual([
      ['2026-11-23', true, 'simulated-history'],
      ['2026-11-24', true, 'simulated-history'],
    ]);
    expect(bars[4].close).toBe('95.29');
  });

  it('bridges a synthetic path through monthly averages, inverted for quotes against the dollar', () => {
    const csv = [
      'Date,Country,Exchange rate',
      '2025-09-01,Euro,0.8500',
      '2026-03-01,Euro,0.8000',
      '2026-03-01,Japan,150.0',
      '2026-06-01,Euro,0.8684',
    ].join('\n');
    const series = BUNDLED_SERIES.EURUSD;
    const bars = planDailyBars(
      instrument({ symbol: 'EURUSD', calendar: '24/5', referencePrice: '1.16200', priceDecimals: 5 }),
      window,
      42,
      { series, points: parseBundledSeries(csv, series) },
    );
    const close = (date: string) => bars.find((bar) => bar.date === date)?.close;
    expect(bars[0].date).toBe('2025-10-21');
    expect(close('2026-03-16')).toBe('1.25000'); // the 15th is a Sunday
    expect(close('2026-06-15')).toBe('1.15154');
    expect(close('2026-11-24')).toBe('1.16200');
    expect(bars.every((bar) => bar.synthetic && bar.source === 'bridged-monthly-average')).toBe(true);
  });

  it('refuses a malformed bundled file with the line that is wrong', () => {
    expect(() =>
      parseBundledSeries('Date,Price\n2026-11-18,90.1\n2026-11-19,n/a\n', BUNDLED_SERIES.WTI),
    ).toThrow(/wti-daily.csv line 3: '2026-11-19,n\/a' has no positive price/);
    expect(() => parseBundledSeries('Date,Price\n2026-13-01,90.1\n', BUNDLED_SERIES.WTI)).toThrow(
      /line 2: .* has no valid date/,
    );
  });
});

describe(realBarsFromCloses.name, () => {
  it('opens the first bar at its own close', () => {
    expect(realBarsFromCloses('WTI', [{ date: '2026-08-18', price: 86.48 }], 'eia')[0]).toMatchObject({
      open: '86.48',
      high: '86.48',
      low: '86.48',
      close: '86.48',
    });
  });
});

describe(assertCoherentBars.name, () => {
  const bar = {
    symbol: 'X',
    date: '2026-11-23',
    open: '10',
    high: '11',
    low: '9',
    close: '10.5',
    source: 's',
    synthetic: true,
  };

  it('lets coherent bars through and names the first incoherent one', () => {
    expect(assertCoherentBars([bar, { ...bar, date: '2026-11-24' }])).toHaveLength(2);
    expect(() => assertCoherentBars([{ ...bar, high: '10.2' }])).toThrow(/X 2026-11-23: high 10.2 and low 9/);
    expect(() => assertCoherentBars([{ ...bar, low: '0' }])).toThrow(/not all positive/);
    expect(() => assertCoherentBars([{ ...bar, close: 'Infinity' }])).toThrow(/not all positive/);
    expect(() => assertCoherentBars([bar, bar])).toThrow(/strictly ascending/);
  });
});
