import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DailyBarRow } from './daily-bar-row';
import { BACKFILL_LOCK } from './history-backfill.service';
import { tradingDaySql } from './trading-days';

/** An accepted tick, as the price refresh stores it. */
export interface Tick {
  symbol: string;
  price: string;
  /** ISO instant. */
  asOf: string;
  source: string;
  synthetic: boolean;
}

/** A bar closed into `daily_bars`, with what `candle.closed` needs of its instrument. */
export interface ClosedBarRow extends DailyBarRow {
  currency: string;
  price_decimals: number;
}

/**
 * Intraday ticks rolled up into daily bars, inside the price refresh's transaction. Ticks arrive in time
 * order per symbol (the refresh drops any not newer than the stored price), so the first tick of a trading
 * day (the UTC day, or for 24/5 the day from 22:00 UTC before: see tradingDaySql) opens its bar and each
 * later one moves high, low and close. The bar of a day in progress lives in `intraday_bars`; once the day
 * is over it moves to `daily_bars`. A trading day never ends after its UTC date does, so closing by UTC
 * date never closes a bar still taking ticks.
 */
@Injectable()
export class IntradayRollupRepository {
  async rollUp(manager: EntityManager, ticks: Tick[], now: Date): Promise<void> {
    if (ticks.length === 0) return;
    await manager.query(
      `INSERT INTO intraday_bars AS bar (symbol, date, open, high, low, close, source, synthetic, ticks, updated_at)
       SELECT t.symbol, ${tradingDaySql('i.calendar', 't.as_of')}, t.price, t.price, t.price, t.price, t.source, t.synthetic, 1, $6
         FROM unnest($1::varchar[], $2::timestamptz[], $3::numeric[], $4::varchar[], $5::boolean[])
           AS t(symbol, as_of, price, source, synthetic)
         JOIN instruments i ON i.symbol = t.symbol
       ON CONFLICT (symbol, date) DO UPDATE SET
         high = GREATEST(bar.high, EXCLUDED.high),
         low = LEAST(bar.low, EXCLUDED.low),
         close = EXCLUDED.close,
         source = EXCLUDED.source,
         synthetic = bar.synthetic OR EXCLUDED.synthetic,
         ticks = bar.ticks + 1,
         updated_at = EXCLUDED.updated_at`,
      [
        ticks.map((tick) => tick.symbol),
        ticks.map((tick) => tick.asOf),
        ticks.map((tick) => tick.price),
        ticks.map((tick) => tick.source),
        ticks.map((tick) => tick.synthetic),
        now,
      ],
    );
  }

  /**
   * Moves every bar of a day before `today` (UTC) into `daily_bars` and returns them, each exactly once:
   * the DELETE claims the rows, so a second refresh, or a replica, finds none left. A day's ticks are the
   * service's own observation of it and replace a bar the start-up backfill wrote for that day. The shared
   * advisory lock waits for a running backfill instead of racing its inserts into a deadlock.
   */
  async closeBefore(manager: EntityManager, today: string): Promise<ClosedBarRow[]> {
    const [{ due }]: { due: boolean }[] = await manager.query(
      'SELECT EXISTS (SELECT 1 FROM intraday_bars WHERE date < $1::date) AS due',
      [today],
    );
    if (!due) return [];
    await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [BACKFILL_LOCK]);
    return manager.query(
      `WITH closed AS (
         DELETE FROM intraday_bars WHERE date < $1::date
         RETURNING symbol, date, open, high, low, close, source, synthetic),
       moved AS (
         INSERT INTO daily_bars AS bar (symbol, date, open, high, low, close, source, synthetic)
         SELECT symbol, date, open, high, low, close, source, synthetic FROM closed
         ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
           close = EXCLUDED.close, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic
         RETURNING symbol, date::text AS date, open, high, low, close, source, synthetic)
       SELECT moved.*, i.currency, i.price_decimals
         FROM moved JOIN instruments i USING (symbol)
        ORDER BY moved.date, moved.symbol`,
      [today],
    );
  }

  /** Drops ticks older than `cutoff`; their days live on as daily bars. Returns how many went. */
  async pruneTicks(manager: EntityManager, cutoff: Date): Promise<number> {
    const [{ pruned }]: { pruned: number }[] = await manager.query(
      `WITH pruned AS (DELETE FROM price_history WHERE as_of < $1 RETURNING 1)
       SELECT count(*)::int AS pruned FROM pruned`,
      [cutoff],
    );
    return pruned;
  }
}
