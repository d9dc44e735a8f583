import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tradingDaySql } from '../history/trading-days';
import type { TradingCalendar } from '../catalogue/instrument.entity';
import type { CommodityCategory } from './commodity-groups';

/** An enabled commodity with its latest price (if any yet) and the daily close before that price's day. */
export interface CommodityQuoteRow {
  symbol: string;
  name: string;
  category: CommodityCategory;
  unit: string;
  currency: string;
  calendar: TradingCalendar;
  price_decimals: number;
  price: string | null;
  as_of: Date | null;
  source: string | null;
  synthetic: boolean | null;
  previous_close: string | null;
  previous_close_date: string | null;
}

@Injectable()
export class CommodityQuotesRepository {
  /**
   * One query for every instrument of the categories. The previous close is the last bar strictly before
   * the trading day of the latest price: the day change compares a price with the close of the day before it,
   * even when today's bar already exists.
   */
  async forCategories(
    manager: EntityManager,
    categories: readonly CommodityCategory[],
  ): Promise<CommodityQuoteRow[]> {
    return manager.query(
      `SELECT i.symbol, i.name, i.category, i.unit, i.currency, i.calendar, i.price_decimals,
              p.price::text AS price, p.as_of, p.source, p.synthetic,
              b.close::text AS previous_close, b.date::text AS previous_close_date
         FROM instruments i
         LEFT JOIN latest_prices p USING (symbol)
         LEFT JOIN LATERAL (
           SELECT close, date FROM daily_bars d
            WHERE d.symbol = i.symbol AND d.date < ${tradingDaySql('i.calendar', 'p.as_of')}
            ORDER BY d.date DESC LIMIT 1) b ON true
        WHERE i.enabled AND i.category = ANY($1)
        ORDER BY i.category, i.symbol`,
      [categories],
    );
  }
}
