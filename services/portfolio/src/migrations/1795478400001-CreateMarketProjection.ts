import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's own view of the market, built from `price.updated` and `fx.rate.updated`: the latest price
 * of each symbol (with the previous day's last price for the day change, and the highest price seen for
 * holding drawdowns) and the latest rate of each pair. Valuation only ever needs the latest.
 */
export class CreateMarketProjection1795478400001 implements MigrationInterface {
  name = 'CreateMarketProjection1795478400001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio.prices (
        symbol      varchar(32) PRIMARY KEY,
        price       numeric(24, 8) NOT NULL CHECK (price > 0),
        currency    char(3) NOT NULL,
        as_of       timestamptz NOT NULL,
        synthetic   boolean NOT NULL,
        prev_close  numeric(24, 8),
        peak_price  numeric(24, 8) NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE portfolio.fx_rates (
        pair        char(6) PRIMARY KEY,
        base        char(3) NOT NULL,
        quote       char(3) NOT NULL,
        rate        numeric(24, 12) NOT NULL CHECK (rate > 0),
        as_of       timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Direct pair, else its inverse, else a cross through USD (every catalogue pair has USD on one side),
    // as market-data's fx-math does. NULL when no rate joins the two currencies.
    await runner.query(`
      CREATE FUNCTION portfolio.fx_rate(from_ccy char(3), to_ccy char(3), OUT rate numeric, OUT as_of timestamptz)
      LANGUAGE sql STABLE AS $$
        SELECT r.rate, r.as_of FROM (
          SELECT 1::numeric AS rate, NULL::timestamptz AS as_of, 0 AS pref WHERE from_ccy = to_ccy
          UNION ALL
          SELECT rate, as_of, 1 FROM portfolio.fx_rates WHERE base = from_ccy AND quote = to_ccy
          UNION ALL
          SELECT 1 / rate, as_of, 2 FROM portfolio.fx_rates WHERE base = to_ccy AND quote = from_ccy
          UNION ALL
          SELECT a.rate * b.rate, LEAST(a.as_of, b.as_of), 3
            FROM (SELECT rate, as_of FROM portfolio.fx_rates WHERE base = from_ccy AND quote = 'USD'
                  UNION ALL SELECT 1 / rate, as_of FROM portfolio.fx_rates WHERE base = 'USD' AND quote = from_ccy) a,
                 (SELECT rate, as_of FROM portfolio.fx_rates WHERE base = 'USD' AND quote = to_ccy
                  UNION ALL SELECT 1 / rate, as_of FROM portfolio.fx_rates WHERE base = to_ccy AND quote = 'USD') b
           WHERE from_ccy <> 'USD' AND to_ccy <> 'USD'
        ) r ORDER BY r.pref LIMIT 1
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION portfolio.fx_rate(char, char)');
    await runner.query('DROP TABLE portfolio.fx_rates');
    await runner.query('DROP TABLE portfolio.prices');
  }
}
