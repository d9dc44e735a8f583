import { Injectable } from '@nestjs/common';
import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndexLevel } from '../funds/fund-returns';

/** One level per day of the PME index: the last price of that day (UTC) seen in `price.updated`. */
@Injectable()
export class IndexLevelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, price: PriceUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO index_levels (symbol, level_on, level, as_of)
       VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $2)
       ON CONFLICT (symbol, level_on) DO UPDATE SET level = EXCLUDED.level, as_of = EXCLUDED.as_of
       WHERE EXCLUDED.as_of > index_levels.as_of`,
      [price.symbol, price.asOf, price.price],
    );
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
