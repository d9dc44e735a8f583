import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DailyBar } from '../indicators';
import type { CommodityCategory } from './commodity-groups';

/** Daily bars of a whole set of categories at once, by symbol, oldest first. */
@Injectable()
export class CommodityBarsRepository {
  /** One query however many symbols: the latest `limit` bars of each enabled instrument of the categories. */
  async forCategories(
    manager: EntityManager,
    categories: readonly CommodityCategory[],
    limit: number,
  ): Promise<Map<string, DailyBar[]>> {
    // `date::text`: node-postgres would turn a date into a local-time Date.
    const rows: (DailyBar & { symbol: string })[] = await manager.query(
      `SELECT symbol, date, open, high, low, close FROM (
         SELECT d.symbol, d.date::text AS date, d.open::text, d.high::text, d.low::text, d.close::text,
                row_number() OVER (PARTITION BY d.symbol ORDER BY d.date DESC) AS recency
           FROM daily_bars d JOIN instruments i USING (symbol)
          WHERE i.enabled AND i.category = ANY($1)) recent
        WHERE recency <= $2
        ORDER BY symbol, date`,
      [categories, limit],
    );
    const bySymbol = new Map<string, DailyBar[]>();
    for (const { symbol, ...bar } of rows) {
      const bars = bySymbol.get(symbol) ?? [];
      bars.push(bar);
      bySymbol.set(symbol, bars);
    }
    return bySymbol;
  }
}
