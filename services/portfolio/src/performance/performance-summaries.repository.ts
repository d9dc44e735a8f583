import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface PerformanceSummaryRow {
  day: string;
  gross_gain: string;
  net_gain: string;
  day_change: string;
  top_gainer: string | null;
  top_gainer_percent: string | null;
  top_loser: string | null;
  top_loser_percent: string | null;
  average_return_percent: string | null;
  computed_at: Date;
}

/**
 * The 17:00 figures of every portfolio in one statement. A holding's return is (unrealised + realised +
 * dividends) / invested, a ratio, so it needs no currency conversion; amounts are in the base currency.
 */
@Injectable()
export class PerformanceSummariesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async computeAll(manager: EntityManager, day: string, now: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH pairs AS (
         SELECT DISTINCT p.currency, f.base_currency FROM positions p JOIN portfolios f ON f.id = p.portfolio_id),
       rates AS (
         SELECT pairs.currency, pairs.base_currency, r.rate
           FROM pairs, LATERAL fx_rate(pairs.currency, pairs.base_currency) r),
       held AS (
         SELECT p.portfolio_id, p.symbol,
                (p.quantity * pr.price - p.cost_basis + p.realised_pnl + p.dividends)
                  / NULLIF(p.invested, 0) * 100 AS return_percent,
                (p.quantity * pr.price - p.cost_basis + p.realised_pnl + p.dividends) * r.rate AS gross_gain,
                p.fees * r.rate AS fees,
                -- Value now − what was held at the previous close at its price − today's flows (see
                -- positions.last_trade_day); NULL (left out) when what was held then has no price then.
                CASE WHEN p.last_trade_day = $1::date AND p.pre_trade_quantity IS NOT NULL
                     THEN p.quantity * pr.price - p.trade_day_flow
                          - CASE WHEN p.pre_trade_quantity = 0 THEN 0 ELSE p.pre_trade_quantity * pr.prev_close END
                     ELSE p.quantity * (pr.price - pr.prev_close)
                END * r.rate AS day_change
           FROM positions p
           JOIN portfolios f ON f.id = p.portfolio_id
           JOIN prices pr ON pr.symbol = p.symbol
           JOIN rates r ON r.currency = p.currency AND r.base_currency = f.base_currency),
       ranked AS (
         SELECT portfolio_id, symbol, return_percent,
                row_number() OVER (PARTITION BY portfolio_id ORDER BY return_percent DESC, symbol) AS best,
                row_number() OVER (PARTITION BY portfolio_id ORDER BY return_percent, symbol) AS worst
           FROM held WHERE return_percent IS NOT NULL),
       totals AS (
         SELECT portfolio_id, sum(gross_gain) AS gross_gain, sum(fees) AS fees,
                COALESCE(sum(day_change), 0) AS day_change, avg(return_percent) AS average_return
           FROM held GROUP BY portfolio_id),
       account_fees AS (
         SELECT t.portfolio_id, sum((t.amount + t.fees) * r.rate) AS fees
           FROM transactions t JOIN portfolios f ON f.id = t.portfolio_id
           CROSS JOIN LATERAL fx_rate(t.currency, f.base_currency) r
          WHERE t.type = 'fee' AND t.symbol IS NULL GROUP BY t.portfolio_id),
       computed AS (
         INSERT INTO performance_summaries AS s (portfolio_id, day, gross_gain, net_gain, day_change, top_gainer,
                top_gainer_percent, top_loser, top_loser_percent, average_return_percent, computed_at)
         SELECT f.id, $1::date, round(COALESCE(t.gross_gain, 0), 8),
                round(COALESCE(t.gross_gain, 0) - COALESCE(t.fees, 0) - COALESCE(a.fees, 0), 8),
                round(COALESCE(t.day_change, 0), 8), g.symbol, round(g.return_percent, 4), l.symbol,
                round(l.return_percent, 4), round(t.average_return, 4), $2
           FROM portfolios f
           LEFT JOIN totals t ON t.portfolio_id = f.id
           LEFT JOIN account_fees a ON a.portfolio_id = f.id
           LEFT JOIN ranked g ON g.portfolio_id = f.id AND g.best = 1
           LEFT JOIN ranked l ON l.portfolio_id = f.id AND l.worst = 1
         ON CONFLICT (portfolio_id, day) DO UPDATE SET
           gross_gain = EXCLUDED.gross_gain, net_gain = EXCLUDED.net_gain, day_change = EXCLUDED.day_change,
           top_gainer = EXCLUDED.top_gainer, top_gainer_percent = EXCLUDED.top_gainer_percent,
           top_loser = EXCLUDED.top_loser, top_loser_percent = EXCLUDED.top_loser_percent,
           average_return_percent = EXCLUDED.average_return_percent, computed_at = EXCLUDED.computed_at
         RETURNING 1)
       SELECT 1 FROM computed`,
      [day, now],
    );
    return rows.length;
  }

  async between(portfolioId: string, from: string, to: string): Promise<PerformanceSummaryRow[]> {
    return this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, gross_gain, net_gain, day_change, top_gainer, top_gainer_percent,
              top_loser, top_loser_percent, average_return_percent, computed_at
         FROM performance_summaries WHERE portfolio_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
      [portfolioId, from, to],
    );
  }
}
