import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An S&P 500 proxy: the broad-market series venture-capital funds are compared with (Kaplan–Schoar PME)
 * and a benchmark for portfolios. An ETF share rather than the index itself, because that is what the
 * providers quote and what an investor could have bought.
 */
export class AddIndexProxy1795575038650 implements MigrationInterface {
  name = 'AddIndexProxy1795575038650';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO market_data.instruments
         (symbol, name, category, unit, currency, calendar, exchange_timezone, reference_price, annual_volatility,
          price_decimals, provider_symbols)
       VALUES ('SPY', 'SPDR S&P 500 ETF (S&P 500 proxy)', 'stock', 'share', 'USD', 'exchange', 'America/New_York',
               680.00, 0.16, 2, '{"stooq": "spy.us", "twelvedata": "SPY"}')
       ON CONFLICT (symbol) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'signals',
      'daily_bars',
      'intraday_bars',
      'latest_prices',
      'price_history',
      'instruments',
    ]) {
      await runner.query(`DELETE FROM market_data.${table} WHERE symbol = 'SPY'`);
    }
  }
}
