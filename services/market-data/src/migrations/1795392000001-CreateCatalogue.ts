import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default catalogue. Reference prices are plausible late-2026 levels (gold, Brent, WTI, Henry Hub and
 * FX from public-domain series, see docs/data-sources.md); every simulated price is flagged synthetic.
 * Columns: symbol, name, category, unit, currency, calendar, exchange zone, reference price, annual vol, decimals.
 */
const INSTRUMENTS: [string, string, string, string, string, string, string | null, string, string, number][] =
  [
    ['XAUUSD', 'Gold', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '4228.00', '0.16', 2],
    ['XAGUSD', 'Silver', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '52.40', '0.28', 3],
    ['XPTUSD', 'Platinum', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '1550.00', '0.25', 2],
    ['XPDUSD', 'Palladium', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '1210.00', '0.35', 2],
    ['HG', 'Copper', 'industrial-metal', 'pound', 'USD', '24/5', null, '5.1200', '0.22', 4],
    ['LITHIUM', 'Lithium carbonate', 'battery-metal', 'tonne', 'USD', '24/5', null, '10450.00', '0.45', 2],
    ['BRENT', 'Brent crude', 'energy', 'barrel', 'USD', '24/5', null, '95.29', '0.32', 2],
    ['WTI', 'WTI crude', 'energy', 'barrel', 'USD', '24/5', null, '86.48', '0.34', 2],
    ['NATGAS', 'Henry Hub natural gas', 'energy', 'MMBtu', 'USD', '24/5', null, '2.820', '0.55', 3],
    ['EURUSD', 'Euro / US dollar', 'fx', 'EUR', 'USD', '24/5', null, '1.16200', '0.07', 5],
    ['GBPUSD', 'British pound / US dollar', 'fx', 'GBP', 'USD', '24/5', null, '1.33400', '0.08', 5],
    ['USDJPY', 'US dollar / Japanese yen', 'fx', 'USD', 'JPY', '24/5', null, '160.770', '0.09', 3],
    ['BTCUSD', 'Bitcoin', 'crypto', 'BTC', 'USD', '24/7', null, '95000.00', '0.55', 2],
    ['ETHUSD', 'Ether', 'crypto', 'ETH', 'USD', '24/7', null, '3200.00', '0.70', 2],
    ['AAPL', 'Apple', 'stock', 'share', 'USD', 'exchange', 'America/New_York', '270.00', '0.26', 2],
    ['MSFT', 'Microsoft', 'stock', 'share', 'USD', 'exchange', 'America/New_York', '480.00', '0.24', 2],
    ['NVDA', 'NVIDIA', 'stock', 'share', 'USD', 'exchange', 'America/New_York', '185.00', '0.48', 2],
    ['GOOGL', 'Alphabet', 'stock', 'share', 'USD', 'exchange', 'America/New_York', '290.00', '0.30', 2],
    ['TSLA', 'Tesla', 'stock', 'share', 'USD', 'exchange', 'America/New_York', '420.00', '0.60', 2],
  ];

export class CreateCatalogue1795392000001 implements MigrationInterface {
  name = 'CreateCatalogue1795392000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE market_data.instruments (
        symbol            varchar(32) PRIMARY KEY CHECK (symbol ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
        name              text NOT NULL,
        category          varchar(32) NOT NULL,
        unit              varchar(32) NOT NULL,
        currency          char(3) NOT NULL,
        calendar          varchar(16) NOT NULL CHECK (calendar IN ('24/7', '24/5', 'exchange')),
        exchange_timezone varchar(64),
        reference_price   numeric(24, 8) NOT NULL CHECK (reference_price > 0),
        annual_volatility numeric(8, 4) NOT NULL CHECK (annual_volatility >= 0),
        price_decimals    smallint NOT NULL CHECK (price_decimals BETWEEN 0 AND 8),
        enabled           boolean NOT NULL DEFAULT true,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    for (const row of INSTRUMENTS) {
      await runner.query(
        `INSERT INTO market_data.instruments
           (symbol, name, category, unit, currency, calendar, exchange_timezone, reference_price, annual_volatility, price_decimals)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        row,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE market_data.instruments');
  }
}
