import { Injectable } from '@nestjs/common';
import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndexLevel } from '../funds/fund-returns';

export const LIVE_INDEX_SOURCE = 'price.updated';

/**
 * One level per day of the PME index. A live level (the last price of that UTC day seen in
 * `price.updated`) wins over a provider's history for the same day; the history only fills the days
 * the live feed never saw.
 */
@Injectable()
export class IndexLevelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, price: PriceUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO index_levels (symbol, level_on, level, as_of, source)
       VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $2, $4)
       ON CONFLICT (symbol, level_on) DO UPDATE
         SET level = EXCLUDED.level, as_of = EXCLUDED.as_of, source = EXCLUDED.source
       WHERE EXCLUDED.as_of > index_levels.as_of OR index_levels.source <> EXCLUDED.source`,
      [price.symbol, price.asOf, price.price, LIVE_INDEX_SOURCE],
    );
  }

  /** Adds the days not yet held; returns how many were new. A re-run inserts nothing. */
  async recordHistory(
    manager: EntityManager,
    symbol: string,
    levels: readonly IndexLevel[],
    source: string,
  ): Promise<number> {
    if (levels.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO index_levels (symbol, level_on, level, as_of, source)
       SELECT $1, day.level_on, day.level, (day.level_on + 1)::timestamp AT TIME ZONE 'UTC', $4
         FROM unnest($2::date[], $3::numeric[]) AS day(level_on, level)
       ON CONFLICT (symbol, level_on) DO NOTHING
       RETURNING 1`,
      [symbol, levels.map((level) => level.date), levels.map((level) => String(level.level)), source],
    );
    return inserted.length;
  }

  async series(symbol: string): Promise<IndexLevel[]> {
    const rows: { date: string; level: string }[] = await this.dataSource.query(
      `SELECT to_char(level_on, 'YYYY-MM-DD') AS date, level::text FROM index_levels
        WHERE symbol = $1 ORDER BY level_on`,
      [symbol],
    );
    return rows;
  }
}
