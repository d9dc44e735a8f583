import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drawdowns measured from the right peak.
 *
 * A holding's: the highest price since the position was opened, not since the service first saw the
 * symbol. `price_highs` keeps each symbol's daily high (a few hundred rows a year per symbol), so the peak
 * since any opening date is one indexed lookup, and a price event writes one row per symbol rather than
 * one per position.
 *
 * A portfolio's: the peak of its time-weighted index, not of its value. A deposit, a buy or a sale moves
 * the value without being a gain or a loss; the index only moves with prices and rates, so adding to a
 * portfolio that is 30 % below its peak does not wipe the drawdown out, and a withdrawal does not fake one.
 */
export class DrawdownPeaks1795478400004 implements MigrationInterface {
  name = 'DrawdownPeaks1795478400004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio.price_highs (
        symbol varchar(32) NOT NULL,
        day    date NOT NULL,
        high   numeric(24, 8) NOT NULL CHECK (high > 0),
        PRIMARY KEY (symbol, day)
      )`);
    await runner.query(`
      INSERT INTO portfolio.price_highs (symbol, day, high)
      SELECT symbol, (as_of AT TIME ZONE 'UTC')::date, price FROM portfolio.prices`);
    await runner.query('ALTER TABLE portfolio.prices DROP COLUMN peak_price');
    // index_level: growth of one unit invested, flows neutralised; index_base: the value the level was
    // last moved to, so the next valuation moves it by value / index_base.
    await runner.query(`
      ALTER TABLE portfolio.portfolios
        ADD COLUMN index_level numeric(30, 16) NOT NULL DEFAULT 1 CHECK (index_level > 0),
        ADD COLUMN index_base  numeric(28, 8) NOT NULL DEFAULT 0,
        ADD COLUMN index_peak  numeric(30, 16) NOT NULL DEFAULT 1`);
    await runner.query('UPDATE portfolio.portfolios SET index_base = value');
    await runner.query('ALTER TABLE portfolio.portfolios DROP COLUMN peak_value');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE portfolio.portfolios ADD COLUMN peak_value numeric(28, 8) NOT NULL DEFAULT 0',
    );
    await runner.query('UPDATE portfolio.portfolios SET peak_value = value');
    await runner.query(
      'ALTER TABLE portfolio.portfolios DROP COLUMN index_level, DROP COLUMN index_base, DROP COLUMN index_peak',
    );
    await runner.query('ALTER TABLE portfolio.prices ADD COLUMN peak_price numeric(24, 8)');
    await runner.query('UPDATE portfolio.prices SET peak_price = price');
    await runner.query('ALTER TABLE portfolio.prices ALTER COLUMN peak_price SET NOT NULL');
    await runner.query('DROP TABLE portfolio.price_highs');
  }
}
