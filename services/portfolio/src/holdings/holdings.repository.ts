import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A position with its latest price and the FX rate to the portfolio's base currency (null when unknown). */
export interface PricedPosition {
  symbol: string;
  currency: string;
  quantity: string;
  cost_basis: string;
  invested: string;
  realised_pnl: string;
  dividends: string;
  fees: string;
  opened_on: string;
  /** See positions.last_trade_day: null when unknown. */
  last_trade_day: string | null;
  pre_trade_quantity: string | null;
  trade_day_flow: string | null;
  price: string | null;
  price_as_of: Date | null;
  prev_close: string | null;
  synthetic: boolean | null;
  fx_rate: string | null;
  fx_as_of: Date | null;
}

@Injectable()
export class HoldingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pricedPositions(
    portfolioId: string,
    baseCurrency: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PricedPosition[]> {
    return manager.query(
      `SELECT p.symbol, p.currency, p.quantity, p.cost_basis, p.invested, p.realised_pnl, p.dividends, p.fees,
              to_char(p.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(p.last_trade_day, 'YYYY-MM-DD') AS last_trade_day,
              p.pre_trade_quantity, p.trade_day_flow,
              pr.price, pr.as_of AS price_as_of, pr.prev_close, pr.synthetic, r.rate AS fx_rate, r.as_of AS fx_as_of
         FROM positions p
         LEFT JOIN prices pr ON pr.symbol = p.symbol
         LEFT JOIN LATERAL fx_rate(p.currency, $2) r ON true
        WHERE p.portfolio_id = $1
        ORDER BY p.symbol`,
      [portfolioId, baseCurrency],
    );
  }

  /** Cash per currency, converted to the base currency where a rate is known. */
  async cash(
    portfolioId: string,
    baseCurrency: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ currency: string; amount: string; fx_rate: string | null; fx_as_of: Date | null }[]> {
    return manager.query(
      `SELECT c.currency, c.amount, r.rate AS fx_rate, r.as_of AS fx_as_of
         FROM cash_balances c LEFT JOIN LATERAL fx_rate(c.currency, $2) r ON true
        WHERE c.portfolio_id = $1 ORDER BY c.currency`,
      [portfolioId, baseCurrency],
    );
  }
}
