import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobCounts } from '@marketpulse/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MarketDataConfig } from '../market-data.config';
import type { Instrument } from '../catalogue/instrument.entity';
import { ProviderError } from '../providers/http/provider-error';
import { PRICE_PROVIDER, type PriceProvider } from '../providers/price-provider';
import { dailyBarColumns, type DailyBarRow } from './daily-bar-row';
import { BACKFILL_LOCK, backfillWindow } from './history-backfill.service';

/**
 * The `import-history` job: the daily bars the configured HTTP providers really observed (Stooq) replace
 * the synthetic ones the start-up backfill made up, over the backfill window. A real bar already stored
 * (bundled EIA closes, a day rolled up from observed ticks) is kept. An instrument no provider has history
 * for, or whose provider failed or was rate-limited, keeps what it had and is counted: the next run tries
 * again. With the offline default (the simulation only) there is nothing to import.
 *
 * The providers are asked first, outside any transaction (their calls can take seconds each, and the
 * history calls give way to the live quotes in the providers' budgets); then each instrument's bars are
 * written in a short transaction of their own, so no lock waits on the network and one instrument's
 * failed write does not undo the others.
 */
@Injectable()
export class ProviderHistoryImportService {
  private readonly logger = new Logger(ProviderHistoryImportService.name);

  constructor(
    private readonly config: MarketDataConfig,
    private readonly catalogue: CatalogueService,
    @Inject(PRICE_PROVIDER) private readonly provider: PriceProvider,
    private readonly dataSource: DataSource,
  ) {}

  /** `deadline`: the tick's expiry, which no wait for a provider's budget may pass. */
  async import(now: Date, deadline?: Date): Promise<JobCounts> {
    const instruments = await this.stalestFirst(await this.catalogue.enabled());
    if (!this.provider.dailyHistory)
      return { instruments: instruments.length, withoutHistory: instruments.length };
    const window = backfillWindow(now, this.config.HISTORY_BACKFILL_DAYS);
    const fetched: DailyBarRow[][] = [];
    const asked: string[] = [];
    let rateLimited = 0;
    for (const instrument of instruments) {
      try {
        const bars = await this.provider.dailyHistory(instrument, window.from, window.to, deadline);
        asked.push(instrument.symbol);
        if (bars.length > 0) fetched.push(bars);
      } catch (error) {
        if (error instanceof ProviderError && error.failure === 'rate-limited') rateLimited += 1;
        else asked.push(instrument.symbol);
        this.logger.warn({ msg: 'provider history failed', symbol: instrument.symbol, error: String(error) });
      }
    }
    // Those the budget left out keep their place at the front for the next run.
    await this.dataSource.query(
      `INSERT INTO history_import_attempts (symbol, attempted_at) SELECT unnest($1::varchar[]), $2
       ON CONFLICT (symbol) DO UPDATE SET attempted_at = EXCLUDED.attempted_at`,
      [asked, new Date()],
    );
    let written = 0;
    let signalsDeleted = 0;
    let storeFailed = 0;
    for (const bars of fetched) {
      try {
        const stored = await this.dataSource.transaction((manager) => this.store(manager, bars));
        written += stored.written;
        signalsDeleted += stored.signalsDeleted;
      } catch (error) {
        storeFailed += 1;
        this.logger.error({ msg: 'provider history not stored', symbol: bars[0].symbol, err: error });
      }
    }
    this.logger.log({ msg: 'provider history imported', instruments: fetched.length, written, ...window });
    return {
      instruments: instruments.length,
      imported: fetched.length - storeFailed,
      withoutHistory: instruments.length - fetched.length - rateLimited,
      rateLimited,
      storeFailed,
      barsReplaced: written,
      signalsDeleted,
    };
  }

  /**
   * The instruments the import asked least recently first (never before all), then those whose latest
   * real bar is oldest: when the budget runs out partway, tomorrow's import starts with the ones left out
   * today instead of the same ones. Not by the latest real bar alone: the live roll-up writes a real bar
   * every day for every quoted instrument, so by morning they would all tie and fall back to the alphabet.
   */
  private async stalestFirst(instruments: Instrument[]): Promise<Instrument[]> {
    const rows: { symbol: string }[] = await this.dataSource.query(
      `SELECT i.symbol FROM unnest($1::varchar[]) AS i(symbol)
         LEFT JOIN history_import_attempts a ON a.symbol = i.symbol
         LEFT JOIN daily_bars b ON b.symbol = i.symbol AND NOT b.synthetic
        GROUP BY i.symbol, a.attempted_at
        ORDER BY a.attempted_at NULLS FIRST, max(b.date) NULLS FIRST, i.symbol`,
      [instruments.map((instrument) => instrument.symbol)],
    );
    const bySymbol = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
    return rows.map((row) => bySymbol.get(row.symbol)!);
  }

  /**
   * One instrument's bars: inserts new days and replaces synthetic ones; real bars stay. The synthetic
   * signals of the symbol from its first replaced day on were computed from made-up bars that are gone:
   * they are deleted, and the next detect-signals run (08:00, after this 06:30 job) detects again from the
   * real bars.
   */
  private async store(
    manager: EntityManager,
    bars: DailyBarRow[],
  ): Promise<{ written: number; signalsDeleted: number }> {
    // Shared with the start-up backfill's exclusive lock: wait for it rather than race its inserts.
    await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [BACKFILL_LOCK]);
    const [{ written, signalsDeleted }]: { written: number; signalsDeleted: number }[] = await manager.query(
      `WITH written AS (
         INSERT INTO daily_bars AS bar (symbol, date, open, high, low, close, source, synthetic)
         SELECT * FROM unnest($1::varchar[], $2::date[], $3::numeric[], $4::numeric[], $5::numeric[],
                              $6::numeric[], $7::varchar[], $8::boolean[])
         ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
           close = EXCLUDED.close, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic
         WHERE bar.synthetic
         -- xmax is set on a row this statement updated (a replaced synthetic bar), 0 on one it inserted.
         RETURNING bar.symbol, bar.date, bar.xmax::text <> '0' AS replaced),
       first_replaced AS (
         SELECT symbol, min(date) AS date FROM written WHERE replaced GROUP BY symbol),
       deleted AS (
         DELETE FROM signals s USING first_replaced r
          WHERE s.symbol = r.symbol AND s.synthetic AND s.date >= r.date
         RETURNING 1)
       SELECT (SELECT count(*)::int FROM written) AS written,
              (SELECT count(*)::int FROM deleted) AS "signalsDeleted"`,
      dailyBarColumns(bars),
    );
    return { written, signalsDeleted };
  }
}
