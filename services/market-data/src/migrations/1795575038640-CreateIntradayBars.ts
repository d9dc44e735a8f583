import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bar of the day in progress, rolled up tick by tick. It stays out of `daily_bars` (which indicators,
 * signals and movers read) until its UTC day is over: then it moves there and `candle.closed` goes out, so
 * nothing downstream sees a half-formed day. The `as_of` index lets the tick retention prune old ticks
 * without scanning the table.
 */
export class CreateIntradayBars1795575038640 implements MigrationInterface {
  name = 'CreateIntradayBars1795575038640';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE market_data.intraday_bars (
        symbol     varchar(32) NOT NULL REFERENCES market_data.instruments (symbol),
        date       date NOT NULL,
        open       numeric(24, 8) NOT NULL CHECK (open > 0),
        high       numeric(24, 8) NOT NULL,
        low        numeric(24, 8) NOT NULL CHECK (low > 0),
        close      numeric(24, 8) NOT NULL CHECK (close > 0),
        source     varchar(64) NOT NULL,
        synthetic  boolean NOT NULL,
        ticks      integer NOT NULL CHECK (ticks > 0),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (symbol, date),
        CHECK (high >= GREATEST(open, close) AND low <= LEAST(open, close))
      )`);
    await runner.query('CREATE INDEX intraday_bars_date ON market_data.intraday_bars (date)');
    await runner.query('CREATE INDEX price_history_as_of ON market_data.price_history (as_of)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX market_data.price_history_as_of');
    await runner.query('DROP TABLE market_data.intraday_bars');
  }
}
