import { DataSource } from 'typeorm';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { MarketDataConfig } from '../src/market-data.config';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { ReplayServer } from './replay-server';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Stooq's budget: twelve requests a minute, three of them kept for live quotes, so an import gets nine at
 * once and then one every five seconds — far longer than the half second a history request may wait.
 */
const PER_MINUTE = 12;
const MAX_WAIT_MS = 500;

const recentDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

/**
 * Stocks and metals with a Stooq listing and no bundled real series: no real bar until one is imported.
 * The two given real bars below sort first by symbol, so symbol order would import them first.
 */
const NO_REAL_HISTORY = ['KO', 'LLY', 'PG', 'UNH', 'WMT', 'XAGUSD', 'XPDUSD', 'XPTUSD'];
/** Real history up to twelve days ago… */
const OLD = 'AAPL';
/** …and up to three days ago. */
const RECENT = 'COST';
/** No Stooq listing: without history whatever the budget, and no request spent on it. */
const UNLISTED = 'XRHUSD';

const stooqSymbol = (symbol: string) =>
  ({ XAGUSD: 'xagusd', XPDUSD: 'xpdusd', XPTUSD: 'xptusd' })[symbol] ?? `${symbol.toLowerCase()}.us`;

/** Three daily bars, the last one yesterday, for any symbol. */
function history(): { body: string } {
  const rows = [3, 2, 1].map((daysAgo) => `${recentDay(daysAgo)},100.00,101.00,99.00,100.50,1000`);
  return { body: ['Date,Open,High,Low,Close,Volume', ...rows].join('\n') + '\n' };
}

describe('market-data import-history on a small Stooq budget', () => {
  const namespace = testNamespace();
  let server: ReplayServer;
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let db: DataSource;

  const importCounts = async () => {
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'import-history' },
      md.outcomes,
      namespace,
    );
    return md.outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!.counts;
  };
  const asked = (from: number) =>
    server
      .requestsTo('/q/d/l/')
      .slice(from)
      .map((url) => url.searchParams.get('s'));
  const latestRealDays = async (): Promise<Record<string, string>> => {
    const rows: { symbol: string; latest: string }[] = await db.query(
      `SELECT symbol, to_char(max(date), 'YYYY-MM-DD') AS latest FROM daily_bars
        WHERE NOT synthetic AND symbol = ANY($1) GROUP BY symbol`,
      [[...NO_REAL_HISTORY, OLD, RECENT, UNLISTED]],
    );
    return Object.fromEntries(rows.map((row) => [row.symbol, row.latest]));
  };

  beforeAll(async () => {
    server = await new ReplayServer().start();
    server.on('/q/d/l/', history);
    md = await startMarketData(namespace, {
      env: {
        MARKET_DATA_PROVIDERS: 'stooq,simulated',
        STOOQ_BASE_URL: server.url,
        STOOQ_REQUESTS_PER_MINUTE: String(PER_MINUTE),
        PROVIDER_BACKGROUND_MAX_WAIT_MS: String(MAX_WAIT_MS),
        PROVIDER_RETRY_ATTEMPTS: '1',
        HISTORY_BACKFILL_DAYS: '30',
      },
    });
    service = md.service;
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
    // Eleven instruments: the rest of the catalogue is disabled, so the budget decides the story.
    await db.query(`UPDATE instruments SET enabled = false WHERE symbol <> ALL($1)`, [
      [...NO_REAL_HISTORY, OLD, RECENT, UNLISTED],
    ]);
    for (const [symbol, daysAgo] of [
      [OLD, 12],
      [RECENT, 3],
    ] as const) {
      await db.query(
        `INSERT INTO daily_bars (symbol, date, open, high, low, close, source, synthetic)
         VALUES ($1, $2, 100, 101, 99, 100.5, 'stooq', false)
         ON CONFLICT (symbol, date) DO UPDATE SET source = 'stooq', synthetic = false`,
        [symbol, recentDay(daysAgo)],
      );
    }
    expect(await latestRealDays()).toEqual({ [OLD]: recentDay(12), [RECENT]: recentDay(3) });
  });

  afterAll(async () => {
    await md?.close();
    await server?.stop();
  });

  it('imports the instruments with no or the oldest real history first, and counts the rest as rate-limited', async () => {
    const counts = await importCounts();

    // Nine tokens: the eight with no real bar (by symbol), then the one whose real bars stop longest ago.
    // The recent one found no token within the wait and was never asked.
    expect(asked(0)).toEqual([...NO_REAL_HISTORY.map(stooqSymbol), stooqSymbol(OLD)]);
    expect(counts).toMatchObject({
      instruments: 11,
      imported: 9,
      rateLimited: 1,
      withoutHistory: 1,
      storeFailed: 0,
    });
    const latest = await latestRealDays();
    expect(latest[RECENT]).toBe(recentDay(3));
    expect(latest[UNLISTED]).toBeUndefined();
    for (const symbol of [...NO_REAL_HISTORY, OLD]) expect(latest[symbol]).toBe(recentDay(1));
  });

  it('starts the next run with what the last one left out, so every instrument is imported in the end', async () => {
    const before = server.requestsTo('/q/d/l/').length;
    // One token above the live reserve again.
    await new Promise((resolve) => setTimeout(resolve, 60_000 / PER_MINUTE + 500));

    const counts = await importCounts();

    expect(asked(before)[0]).toBe(stooqSymbol(RECENT));
    expect(counts.imported).toBeGreaterThanOrEqual(1);
    // Everyone else waits for the budget: counted as rate-limited, not as without history.
    expect(counts).toMatchObject({ instruments: 11, withoutHistory: 1, storeFailed: 0 });
    expect(counts.imported + counts.rateLimited).toBe(10);
    const latest = await latestRealDays();
    for (const symbol of [...NO_REAL_HISTORY, OLD, RECENT]) expect(latest[symbol]).toBe(recentDay(1));
  });
});
