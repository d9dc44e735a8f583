import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams } from '../../../test/support/nats-client';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import { INSTRUMENT_CATEGORIES, type Instrument } from '../src/catalogue/instrument.entity';
import type { DailyBarRow } from '../src/history/daily-bar-row';
import { HistoryBackfillService, type BackfillResult } from '../src/history/history-backfill.service';
import { planDailyBars } from '../src/history/history-plan';
import { insertDailyBars } from '../src/history/insert-daily-bars';
import { addDays } from '../src/history/trading-days';
import { MarketDataConfig } from '../src/market-data.config';

type StoredBar = DailyBarRow;

interface DailyHistory {
  symbol: string;
  interval: string;
  from: string;
  to: string;
  bars: Omit<StoredBar, 'symbol'>[];
  truncated: boolean;
}

const DATA = join(__dirname, '../data');

function bundledCloses(file: string): Map<string, number> {
  const lines = readFileSync(join(DATA, file), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((line) => [line.split(',')[0], Number(line.split(',')[1])]));
}

describe('market-data daily history (start-up backfill, GET /prices/:symbol/history?interval=1d)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: RunningService<MarketDataConfig>;
  let dataSource: DataSource;
  let startUp: BackfillResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startService(
      MarketDataConfig,
      (config) => AppModule.forRoot(config),
      { DATABASE_URL: database.url, NATS_URL, MESSAGING_NAMESPACE: namespace, PRICE_SIMULATION_SEED: '42' },
      'market-data',
    );
    dataSource = service.app.get(DataSource);
    // Ready does not wait for history: the backfill runs in the background.
    expect((await service.get('/health/ready')).status).toBe(200);
    startUp = (await service.app.get(HistoryBackfillService).settled())!;
  });

  afterAll(async () => {
    await service?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('has the full catalogue, with the issue categories and provider mappings', async () => {
    const { body: instruments } =
      await service.get<(Instrument & { providerSymbols: Record<string, string> })[]>('/instruments');
    const count = (...categories: string[]) =>
      instruments.filter((instrument) => categories.includes(instrument.category)).length;
    expect(instruments.every((i) => (INSTRUMENT_CATEGORIES as readonly string[]).includes(i.category))).toBe(
      true,
    );
    expect(
      count('precious-metal', 'battery-ai-material', 'energy', 'space-tech-material', 'industrial-metal'),
    ).toBeGreaterThanOrEqual(21);
    expect(count('precious-metal')).toBeGreaterThanOrEqual(5);
    expect(count('battery-ai-material')).toBeGreaterThanOrEqual(7);
    expect(count('energy')).toBeGreaterThanOrEqual(5);
    expect(count('space-tech-material')).toBeGreaterThanOrEqual(4);
    expect(count('fx')).toBeGreaterThanOrEqual(7);
    expect(count('crypto')).toBe(2);
    expect(count('stock')).toBeGreaterThanOrEqual(30);
    const bySymbol = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
    expect(bySymbol.get('HG')?.category).toBe('battery-ai-material');
    expect(bySymbol.get('LITHIUM')?.category).toBe('battery-ai-material');
    expect(bySymbol.get('XAUUSD')?.providerSymbols).toEqual({ stooq: 'xauusd', twelvedata: 'XAU/USD' });
    expect(bySymbol.get('BRK-B')?.providerSymbols).toEqual({ stooq: 'brk-b.us', twelvedata: 'BRK.B' });
    expect(bySymbol.get('AAPL')).toMatchObject({
      calendar: 'exchange',
      exchangeTimezone: 'America/New_York',
    });
  });

  it('backfills a year of daily bars for every enabled instrument at start-up, fast', async () => {
    expect(startUp.failed).toEqual([]);
    expect(startUp.ms).toBeLessThan(10_000);
    const yesterday = addDays(new Date().toISOString().slice(0, 10), -1);
    expect(startUp.window.to).toBe(yesterday);
    const instruments = await service.app.get(CatalogueService).enabled();
    const coverage: { symbol: string; first: string; last: string; days: number; weekend: number }[] =
      await dataSource.query(
        `SELECT symbol, min(date)::text AS first, max(date)::text AS last, count(*)::int AS days,
                count(*) FILTER (WHERE extract(isodow FROM date) > 5)::int AS weekend
           FROM daily_bars WHERE date >= $1 GROUP BY symbol`,
        [startUp.window.from],
      );
    const bySymbol = new Map(coverage.map((row) => [row.symbol, row]));
    for (const instrument of instruments) {
      const row = bySymbol.get(instrument.symbol);
      expect({ symbol: instrument.symbol, last: row?.last }).toEqual({
        symbol: instrument.symbol,
        last: yesterday,
      });
      // ≥ 365 calendar days covered: the first bar is at least 364 days before yesterday (a Monday at most
      // two days later for weekday calendars).
      expect(row!.first <= addDays(yesterday, instrument.calendar === '24/7' ? -364 : -362)).toBe(true);
      if (instrument.calendar === '24/7') expect(row!.days).toBeGreaterThanOrEqual(365);
      else
        expect({ symbol: instrument.symbol, weekend: row!.weekend, many: row!.days >= 255 }).toEqual({
          symbol: instrument.symbol,
          weekend: 0,
          many: true,
        });
    }
  });

  it.each([
    ['BRENT', 'brent-daily.csv'],
    ['WTI', 'wti-daily.csv'],
    ['NATGAS', 'natural-gas-daily.csv'],
  ])('serves the real EIA closes of %s unchanged, flagged real', async (symbol, file) => {
    const closes = bundledCloses(file);
    const dates = [...closes.keys()];
    const samples = [dates[dates.length - 300], dates[dates.length - 100], dates[dates.length - 1]];
    const { status, body } = await service.get<DailyHistory>(
      `/prices/${symbol.toLowerCase()}/history?interval=1d&from=${samples[0]}&to=${samples[2]}&limit=10000`,
    );
    expect(status).toBe(200);
    for (const date of samples) {
      const bar = body.bars.find((candidate) => candidate.date === date)!;
      expect(bar).toMatchObject({ source: 'eia', synthetic: false });
      expect(Number(bar.close)).toBe(closes.get(date));
      const previous = dates[dates.indexOf(date) - 1];
      expect(Number(bar.open)).toBe(closes.get(previous));
      expect(Number(bar.high)).toBe(Math.max(Number(bar.open), Number(bar.close)));
    }
    // After the last real close the series goes on synthetically to the reference price.
    const after = await service.get<DailyHistory>(
      `/prices/${symbol}/history?interval=1d&from=${addDays(samples[2], 1)}`,
    );
    expect(after.body.bars.length).toBeGreaterThan(0);
    expect(after.body.bars.every((bar) => bar.synthetic && bar.source === 'simulated-history')).toBe(true);
  });

  it('stores synthetic series that are exactly the seeded path of PRICE_SIMULATION_SEED', async () => {
    for (const symbol of ['NVDA', 'BTCUSD', 'GALLIUM']) {
      const instrument = await service.app.get(CatalogueService).require(symbol);
      const expected = planDailyBars(instrument, startUp.window, 42);
      const stored: StoredBar[] = await dataSource.query(
        `SELECT symbol, date::text AS date, open::float8::text AS open, high::float8::text AS high,
                low::float8::text AS low, close::float8::text AS close, source, synthetic
           FROM daily_bars WHERE symbol = $1 AND date >= $2 ORDER BY date`,
        [symbol, startUp.window.from],
      );
      const asNumbers = (bars: StoredBar[]) =>
        bars.map((bar) => ({ ...bar, open: +bar.open, high: +bar.high, low: +bar.low, close: +bar.close }));
      expect(asNumbers(stored)).toEqual(asNumbers(expected));
      expect(stored[stored.length - 1].close).toBe(String(Number(instrument.referencePrice)));
      const otherSeed = planDailyBars(instrument, startUp.window, 7);
      expect(otherSeed[10].close).not.toBe(expected[10].close);
    }
    const gold = await service.get<DailyHistory>(
      '/prices/XAUUSD/history?interval=1d&from=2026-06-15&to=2026-06-15',
    );
    expect(gold.body.bars).toEqual([
      expect.objectContaining({
        date: '2026-06-15',
        close: '4228.00',
        source: 'bridged-monthly-average',
        synthetic: true,
      }),
    ]);
  });

  it('backfills again without duplicates, and two replicas at once wait for each other', async () => {
    const [{ total: before }]: { total: number }[] = await dataSource.query(
      'SELECT count(*)::int AS total FROM daily_bars',
    );
    const backfill = service.app.get(HistoryBackfillService);
    const results = await Promise.all([backfill.backfill(), backfill.backfill()]);
    expect(results.map((result) => result.inserted)).toEqual([0, 0]);
    const [{ total: after }]: { total: number }[] = await dataSource.query(
      'SELECT count(*)::int AS total FROM daily_bars',
    );
    expect(after).toBe(before);
  });

  it('skips an instrument whose bars cannot be made or stored, and writes the others', async () => {
    await dataSource.query(
      `INSERT INTO instruments (symbol, name, category, unit, currency, calendar, reference_price, annual_volatility, price_decimals)
       VALUES ('WILD', 'Unbounded', 'stock', 'share', 'USD', '24/7', 10, 9999, 2),
              ('TAME', 'Bounded', 'stock', 'share', 'USD', '24/7', 10, 0.2, 2)`,
    );
    const result = await service.app.get(HistoryBackfillService).backfill();
    expect(result.failed).toEqual(['WILD']);
    const [{ days }]: { days: number }[] = await dataSource.query(
      `SELECT count(*)::int AS days FROM daily_bars WHERE symbol = 'TAME'`,
    );
    expect(days).toBe(result.inserted);
    expect(days).toBeGreaterThanOrEqual(365);

    // A bar the database refuses (high below low) keeps out its own instrument only.
    const bar = (symbol: string, date: string, high: string) => ({
      symbol,
      date,
      open: '10',
      high,
      low: '9',
      close: '10',
      source: 'test',
      synthetic: true,
    });
    const outcome = await dataSource.transaction((manager) =>
      insertDailyBars(manager, [[bar('TAME', '2001-01-01', '11')], [bar('WILD', '2001-01-01', '8')]]),
    );
    expect(outcome.inserted).toBe(1);
    expect(outcome.failed.map((failure) => failure.symbol)).toEqual(['WILD']);
    await dataSource.query(`DELETE FROM daily_bars WHERE symbol IN ('TAME', 'WILD')`);
    await dataSource.query(`DELETE FROM instruments WHERE symbol IN ('TAME', 'WILD')`);
  });

  it('keeps tick history the default and answers bad input with 400', async () => {
    const ticks = await service.get<{ points: unknown[] }>('/prices/XAUUSD/history');
    expect(ticks.status).toBe(200);
    expect(ticks.body).toHaveProperty('points');
    const daily = await service.get<DailyHistory>('/prices/BTCUSD/history?interval=1d');
    expect(daily.status).toBe(200);
    expect(daily.body).toMatchObject({ symbol: 'BTCUSD', interval: '1d', truncated: false });
    expect(daily.body.bars.length).toBeGreaterThanOrEqual(365);
    const limited = await service.get<DailyHistory>('/prices/BTCUSD/history?interval=1d&limit=5');
    expect(limited.body).toMatchObject({ truncated: true });
    expect(limited.body.bars).toHaveLength(5);

    const interval = await service.get<{ message: string[] }>('/prices/BTCUSD/history?interval=1w');
    expect(interval.status).toBe(400);
    expect(interval.body.message.join()).toMatch(/interval must be one of tick, 1m, 5m, 15m, 1h, 1d/);
    expect((await service.get('/prices/BTCUSD/history?interval=1d&from=last-year')).status).toBe(400);
    expect((await service.get('/prices/BTCUSD/history?interval=1d&to=2026-02-30')).status).toBe(400);
    const reversed = await service.get<{ message: string }>(
      '/prices/BTCUSD/history?interval=1d&from=2026-06-02&to=2026-06-01',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toMatch(/from \(2026-06-02\) must not be after to \(2026-06-01\)/);
    expect((await service.get('/prices/BTCUSD/history?interval=1d&limit=0')).status).toBe(400);
    expect((await service.get('/prices/NOPE/history?interval=1d')).status).toBe(404);
  });

  it('takes a named range instead of from: calendar months back from to', async () => {
    const quarter = await service.get<DailyHistory>(
      '/prices/BTCUSD/history?interval=1d&range=3m&to=2026-05-31',
    );
    expect(quarter.status).toBe(200);
    expect(quarter.body).toMatchObject({ from: '2026-02-28', to: '2026-05-31' });
    // BTC trades every day: 28 Feb to 31 May inclusive is 93 bars.
    expect(quarter.body.bars).toHaveLength(93);
    const both = await service.get<{ message: string }>('/prices/BTCUSD/history?range=1m&from=2026-01-01');
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/either range or from/);
    const unknown = await service.get<{ message: string[] }>('/prices/BTCUSD/history?range=2w');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message.join()).toMatch(/range must be one of 1d, 5d, 1m/);
  });
});
