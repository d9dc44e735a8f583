import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MarketDataConfig } from '../market-data.config';
import { bundledDataDirectory, readBundledSeries } from './bundled-data.reader';
import { BUNDLED_SERIES, type BundledSeries, type SeriesPoint } from './bundled-series';
import type { DailyBarRow } from './daily-bar-row';
import { insertDailyBars } from './insert-daily-bars';
import { planDailyBars, type HistoryWindow, type KnownPrices } from './history-plan';
import { addDays, barDays, isoDate } from './trading-days';

/** Held by the backfill; the intraday roll-up takes it shared before writing daily bars. */
export const BACKFILL_LOCK = 'marketpulse:market-data:history-backfill';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackfillResult {
  window: HistoryWindow;
  inserted: number;
  /** Instruments whose bars were planned (the others were complete already). */
  planned: number;
  failed: string[];
  ms: number;
}

/** The window ending yesterday (UTC) and reaching `days` calendar days back. */
export function backfillWindow(now: Date, days: number): HistoryWindow {
  const to = isoDate(now.getTime() - DAY_MS);
  return { from: addDays(to, -(days - 1)), to };
}

/**
 * Fills missing daily bars of every enabled instrument at start-up: bundled real series where there are
 * some, seeded synthetic paths elsewhere. It runs in the background (readiness is about the database and
 * NATS, and the API serves whatever history exists), in one transaction under an advisory lock, so a
 * replica starting alongside waits and then finds nothing left to do. One instrument with bad data is
 * logged and skipped; the others are still written.
 */
@Injectable()
export class HistoryBackfillService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HistoryBackfillService.name);
  private running: Promise<BackfillResult | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly config: MarketDataConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.backfill().catch((error: unknown) => {
      this.logger.error({ msg: 'history backfill failed; the service runs on', error: errorMessage(error) });
      return undefined;
    });
  }

  /**
   * After an instrument is added: fills its history behind the request that added it, one backfill at a
   * time, and shutdown waits for it like for the start-up one.
   */
  backfillInBackground(): void {
    this.running = this.running
      .then(() => this.backfill())
      .catch((error: unknown) => {
        this.logger.error({
          msg: 'history backfill failed; the service runs on',
          error: errorMessage(error),
        });
        return undefined;
      });
  }

  /** Shutdown waits for a running backfill rather than pulling the pool from under it. */
  async onModuleDestroy(): Promise<void> {
    await this.running;
  }

  /** The start-up backfill's outcome, once it is over (undefined when it failed). */
  settled(): Promise<BackfillResult | undefined> {
    return this.running;
  }

  async backfill(now = new Date()): Promise<BackfillResult> {
    const started = performance.now();
    const window = backfillWindow(now, this.config.HISTORY_BACKFILL_DAYS);
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BACKFILL_LOCK]);
      const { groups, failed } = await this.plan(manager, window);
      const outcome = await insertDailyBars(manager, groups);
      for (const { symbol, error } of outcome.failed) {
        this.logger.error({ msg: 'daily bars rejected by the database', symbol, error });
      }
      return {
        window,
        inserted: outcome.inserted,
        planned: groups.length,
        failed: [...failed, ...outcome.failed.map((failure) => failure.symbol)],
        ms: 0,
      };
    });
    result.ms = Math.round(performance.now() - started);
    this.logger.log({ msg: 'history backfilled', ...result, failed: result.failed.join(',') || undefined });
    return result;
  }

  private async plan(
    manager: EntityManager,
    window: HistoryWindow,
  ): Promise<{ groups: DailyBarRow[][]; failed: string[] }> {
    const instruments = await this.catalogue.enabled(manager);
    const stored: { symbol: string; days: number }[] = await manager.query(
      `SELECT symbol, count(*)::int AS days FROM daily_bars WHERE date BETWEEN $1 AND $2 GROUP BY symbol`,
      [window.from, window.to],
    );
    const storedDays = new Map(stored.map((row) => [row.symbol, row.days]));
    const known = await this.knownPrices(manager, window);
    const series = this.seriesReader();
    const groups: DailyBarRow[][] = [];
    const failed: string[] = [];
    for (const instrument of instruments) {
      // Generating is CPU work: one instrument per turn keeps HTTP and readiness answering meanwhile.
      await nextTurn();
      try {
        const stored = storedDays.get(instrument.symbol) ?? 0;
        // Complete already (a restart the same day, or a replica that waited for the lock): generating a
        // path costs more than counting its days. Real series skip holidays, so they are always planned.
        const realDaily = BUNDLED_SERIES[instrument.symbol]?.kind === 'daily-close';
        if (!realDaily && stored >= barDays(instrument.calendar, window.from, window.to).length) continue;
        const bundled = series(instrument.symbol);
        const bars = planDailyBars(
          instrument,
          window,
          this.config.PRICE_SIMULATION_SEED,
          bundled,
          known.get(instrument.symbol),
        );
        if (stored >= bars.filter((bar) => bar.date >= window.from).length) continue;
        groups.push(bars);
      } catch (error) {
        failed.push(instrument.symbol);
        this.logger.error({
          msg: 'no daily bars for this instrument',
          symbol: instrument.symbol,
          error: errorMessage(error),
        });
      }
    }
    return { groups, failed };
  }

  /** Each symbol's last stored bar up to the window's end and its latest price: a gap's bridge ends. */
  private async knownPrices(
    manager: EntityManager,
    window: HistoryWindow,
  ): Promise<Map<string, KnownPrices>> {
    const rows: { symbol: string; date: string | null; close: string | null; price: string | null }[] =
      await manager.query(
        `SELECT symbol, b.date, b.close, p.price::text AS price
           FROM (SELECT DISTINCT ON (symbol) symbol, date::text AS date, close::text AS close
                   FROM daily_bars WHERE date <= $1 ORDER BY symbol, date DESC) b
           FULL JOIN latest_prices p USING (symbol)`,
        [window.to],
      );
    return new Map(
      rows.map((row) => [
        row.symbol,
        {
          ...(row.date !== null && row.close !== null
            ? { lastBar: { date: row.date, close: row.close } }
            : {}),
          ...(row.price !== null ? { latestPrice: row.price } : {}),
        },
      ]),
    );
  }

  /** Bundled series by symbol, each file read once; no data folder means synthetic history for all. */
  private seriesReader(): (symbol: string) => { series: BundledSeries; points: SeriesPoint[] } | undefined {
    const directory = bundledDataDirectory();
    if (!directory) {
      this.logger.warn({
        msg: 'bundled history not found (services/market-data/data); every bar is synthetic',
      });
    }
    return (symbol) => {
      const series = BUNDLED_SERIES[symbol];
      if (!series || !directory) return undefined;
      return { series, points: readBundledSeries(directory, series) };
    };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
