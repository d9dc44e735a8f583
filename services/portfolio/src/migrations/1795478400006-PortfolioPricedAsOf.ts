import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The oldest price or FX rate behind a portfolio's value, so staleness is judged when the value is read,
 * not when it was computed: a price 14 minutes old at revaluation is stale a minute later, however recent
 * the revaluation. '-infinity' when a held position has no price or rate (always stale); NULL when nothing
 * is held. Backfilled from the projection, which holds the prices the last revaluation used or newer ones
 * that revalued since.
 */
export class PortfolioPricedAsOf1795478400006 implements MigrationInterface {
  name = 'PortfolioPricedAsOf1795478400006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.portfolios ADD COLUMN priced_as_of timestamptz');
    await runner.query(`
      UPDATE portfolio.portfolios f SET priced_as_of = m.as_of
        FROM (SELECT p.portfolio_id,
                     min(CASE WHEN pr.price IS NULL OR r.rate IS NULL THEN '-infinity'::timestamptz
                              ELSE LEAST(pr.as_of, COALESCE(r.as_of, 'infinity')) END) AS as_of
                FROM portfolio.positions p
                JOIN portfolio.portfolios b ON b.id = p.portfolio_id
                LEFT JOIN portfolio.prices pr ON pr.symbol = p.symbol
                LEFT JOIN LATERAL portfolio.fx_rate(p.currency, b.base_currency) r ON true
               WHERE p.quantity <> 0
               GROUP BY p.portfolio_id) m
       WHERE f.id = m.portfolio_id`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.portfolios DROP COLUMN priced_as_of');
  }
}
