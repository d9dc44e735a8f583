import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DailyBar } from '../indicators';
import type { SourcedDailyBar } from './signal-synthetic';

/** Daily bars as the indicators take them, oldest first, with whether each is synthetic. */
@Injectable()
export class DailyBarsRepository {
  async forSymbol(
    manager: EntityManager,
    symbol: string,
    limit = 800,
  ): Promise<(DailyBar & SourcedDailyBar)[]> {
    // `date::text`: node-postgres would turn a date into a local-time Date.
    const rows: (DailyBar & SourcedDailyBar)[] = await manager.query(
      `SELECT date, open, high, low, close, synthetic FROM (
         SELECT date::text AS date, open::text, high::text, low::text, close::text, synthetic FROM daily_bars
          WHERE symbol = $1 ORDER BY date DESC LIMIT $2) recent
        ORDER BY date`,
      [symbol, limit],
    );
    return rows;
  }
}
