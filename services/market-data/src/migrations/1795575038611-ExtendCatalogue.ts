import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full catalogue: provider mappings, the issue's categories, and the commodities, FX majors and stocks
 * the first catalogue lacked. Reference prices are plausible late-2026 levels; those with a public-domain
 * series behind them are named in docs/data-sources.md. Symbols of existing rows never change (other
 * services key on them); re-running the upsert only refreshes category and mappings.
 * Columns: symbol, name, category, unit, currency, calendar, exchange zone, reference price, annual vol,
 * decimals.
 */
type Row = [string, string, string, string, string, string, string | null, string, string, number];

const NY = 'America/New_York';
const BATTERY = 'battery-ai-material';
const SPACE = 'space-tech-material';
const stock = (symbol: string, name: string, price: string, vol: string): Row => [
  symbol,
  name,
  'stock',
  'share',
  'USD',
  'exchange',
  NY,
  price,
  vol,
  2,
];

const INSTRUMENTS: Row[] = [
  // Precious metals: spot, quoted around the clock.
  ['XAUUSD', 'Gold', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '4228.00', '0.16', 2],
  ['XAGUSD', 'Silver', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '52.40', '0.28', 3],
  ['XPTUSD', 'Platinum', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '1550.00', '0.25', 2],
  ['XPDUSD', 'Palladium', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '1210.00', '0.35', 2],
  ['XRHUSD', 'Rhodium', 'precious-metal', 'troy ounce', 'USD', '24/7', null, '7850.00', '0.45', 2],
  // Battery and AI materials: copper and lithium moved here from industrial-metal and battery-metal.
  ['HG', 'Copper', BATTERY, 'pound', 'USD', '24/5', null, '5.1200', '0.22', 4],
  ['LITHIUM', 'Lithium carbonate', BATTERY, 'tonne', 'USD', '24/5', null, '10450.00', '0.45', 2],
  ['COBALT', 'Cobalt', BATTERY, 'tonne', 'USD', '24/5', null, '51500.00', '0.35', 2],
  ['NICKEL', 'Nickel', BATTERY, 'tonne', 'USD', '24/5', null, '15800.00', '0.30', 2],
  ['NDPR', 'NdPr oxide (rare earths)', BATTERY, 'kilogram', 'USD', '24/5', null, '86.00', '0.40', 2],
  ['GALLIUM', 'Gallium', BATTERY, 'kilogram', 'USD', '24/5', null, '960.00', '0.40', 2],
  ['GERMANIUM', 'Germanium', BATTERY, 'kilogram', 'USD', '24/5', null, '3400.00', '0.35', 2],
  ['GRAPHITE', 'Natural flake graphite', BATTERY, 'tonne', 'USD', '24/5', null, '520.00', '0.25', 2],
  // Energy: futures-like, quoted on weekdays.
  ['BRENT', 'Brent crude', 'energy', 'barrel', 'USD', '24/5', null, '95.29', '0.32', 2],
  ['WTI', 'WTI crude', 'energy', 'barrel', 'USD', '24/5', null, '86.48', '0.34', 2],
  ['NATGAS', 'Henry Hub natural gas', 'energy', 'MMBtu', 'USD', '24/5', null, '2.820', '0.55', 3],
  ['URANIUM', 'Uranium oxide (U3O8)', 'energy', 'pound', 'USD', '24/5', null, '78.50', '0.30', 2],
  ['HEATOIL', 'Heating oil (ULSD)', 'energy', 'gallon', 'USD', '24/5', null, '2.7400', '0.35', 4],
  ['GASOLINE', 'RBOB gasoline', 'energy', 'gallon', 'USD', '24/5', null, '2.4600', '0.36', 4],
  // Space-tech materials: airframes, engines, alloys.
  ['TITANIUM', 'Titanium sponge', SPACE, 'kilogram', 'USD', '24/5', null, '7.20', '0.20', 2],
  ['ALUMINIUM', 'Aluminium', SPACE, 'tonne', 'USD', '24/5', null, '2750.00', '0.20', 2],
  ['TUNGSTEN', 'Tungsten (APT)', SPACE, 'metric ton unit', 'USD', '24/5', null, '650.00', '0.30', 2],
  ['BERYLLIUM', 'Beryllium', SPACE, 'kilogram', 'USD', '24/5', null, '780.00', '0.25', 2],
  ['NIOBIUM', 'Ferroniobium', SPACE, 'kilogram', 'USD', '24/5', null, '46.00', '0.15', 2],
  // Industrial metals.
  ['ZINC', 'Zinc', 'industrial-metal', 'tonne', 'USD', '24/5', null, '2950.00', '0.22', 2],
  // FX majors (new levels: Federal Reserve monthly rates, 2026-06).
  ['EURUSD', 'Euro / US dollar', 'fx', 'EUR', 'USD', '24/5', null, '1.16200', '0.07', 5],
  ['GBPUSD', 'British pound / US dollar', 'fx', 'GBP', 'USD', '24/5', null, '1.33400', '0.08', 5],
  ['USDJPY', 'US dollar / Japanese yen', 'fx', 'USD', 'JPY', '24/5', null, '160.770', '0.09', 3],
  ['USDCHF', 'US dollar / Swiss franc', 'fx', 'USD', 'CHF', '24/5', null, '0.79930', '0.08', 5],
  ['AUDUSD', 'Australian dollar / US dollar', 'fx', 'AUD', 'USD', '24/5', null, '0.70250', '0.10', 5],
  ['USDCAD', 'US dollar / Canadian dollar', 'fx', 'USD', 'CAD', '24/5', null, '1.40340', '0.06', 5],
  ['NZDUSD', 'New Zealand dollar / US dollar', 'fx', 'NZD', 'USD', '24/5', null, '0.57820', '0.10', 5],
  // Crypto.
  ['BTCUSD', 'Bitcoin', 'crypto', 'BTC', 'USD', '24/7', null, '95000.00', '0.55', 2],
  ['ETHUSD', 'Ether', 'crypto', 'ETH', 'USD', '24/7', null, '3200.00', '0.70', 2],
  // US stocks: large caps and AI / semiconductor names.
  stock('AAPL', 'Apple', '270.00', '0.26'),
  stock('MSFT', 'Microsoft', '480.00', '0.24'),
  stock('NVDA', 'NVIDIA', '185.00', '0.48'),
  stock('GOOGL', 'Alphabet', '290.00', '0.30'),
  stock('TSLA', 'Tesla', '420.00', '0.60'),
  stock('AMZN', 'Amazon', '236.00', '0.32'),
  stock('META', 'Meta Platforms', '690.00', '0.35'),
  stock('AVGO', 'Broadcom', '360.00', '0.45'),
  stock('AMD', 'Advanced Micro Devices', '232.00', '0.50'),
  stock('INTC', 'Intel', '36.50', '0.45'),
  stock('TSM', 'Taiwan Semiconductor (ADR)', '296.00', '0.38'),
  stock('ASML', 'ASML Holding (ADR)', '1050.00', '0.38'),
  stock('QCOM', 'Qualcomm', '174.00', '0.33'),
  stock('MU', 'Micron Technology', '212.00', '0.50'),
  stock('ARM', 'Arm Holdings (ADR)', '156.00', '0.55'),
  stock('SMCI', 'Super Micro Computer', '42.00', '0.75'),
  stock('PLTR', 'Palantir Technologies', '182.00', '0.60'),
  stock('ORCL', 'Oracle', '241.00', '0.40'),
  stock('CRM', 'Salesforce', '255.00', '0.32'),
  stock('ADBE', 'Adobe', '350.00', '0.32'),
  stock('IBM', 'IBM', '302.00', '0.25'),
  stock('NFLX', 'Netflix', '115.00', '0.35'),
  stock('JPM', 'JPMorgan Chase', '312.00', '0.22'),
  stock('V', 'Visa', '345.00', '0.20'),
  stock('MA', 'Mastercard', '572.00', '0.21'),
  stock('BRK-B', 'Berkshire Hathaway (class B)', '502.00', '0.16'),
  stock('XOM', 'Exxon Mobil', '118.00', '0.22'),
  stock('JNJ', 'Johnson & Johnson', '196.00', '0.17'),
  stock('LLY', 'Eli Lilly', '985.00', '0.32'),
  stock('UNH', 'UnitedHealth Group', '330.00', '0.35'),
  stock('WMT', 'Walmart', '105.00', '0.20'),
  stock('COST', 'Costco', '930.00', '0.22'),
  stock('PG', 'Procter & Gamble', '152.00', '0.16'),
  stock('KO', 'Coca-Cola', '70.50', '0.15'),
];

const pair = (base: string, quote: string) => ({
  stooq: `${base}${quote}`.toLowerCase(),
  twelvedata: `${base}/${quote}`,
});

/**
 * Where an external provider lists the instrument (Stooq daily CSV, Twelve Data). Instruments with no free
 * listing (minor metals, uranium, rhodium) have none; US stocks follow `<sym>.us` and the ticker.
 */
const PROVIDER_SYMBOLS: Record<string, Record<string, string>> = {
  XAUUSD: { stooq: 'xauusd', twelvedata: 'XAU/USD' },
  XAGUSD: { stooq: 'xagusd', twelvedata: 'XAG/USD' },
  XPTUSD: { stooq: 'xptusd', twelvedata: 'XPT/USD' },
  XPDUSD: { stooq: 'xpdusd', twelvedata: 'XPD/USD' },
  HG: { stooq: 'hg.f', twelvedata: 'XCU/USD' },
  BRENT: { stooq: 'cb.f', twelvedata: 'XBR/USD' },
  WTI: { stooq: 'cl.f', twelvedata: 'WTI/USD' },
  NATGAS: { stooq: 'ng.f', twelvedata: 'NG/USD' },
  HEATOIL: { stooq: 'ho.f' },
  GASOLINE: { stooq: 'rb.f' },
  EURUSD: pair('EUR', 'USD'),
  GBPUSD: pair('GBP', 'USD'),
  USDJPY: pair('USD', 'JPY'),
  USDCHF: pair('USD', 'CHF'),
  AUDUSD: pair('AUD', 'USD'),
  USDCAD: pair('USD', 'CAD'),
  NZDUSD: pair('NZD', 'USD'),
  BTCUSD: pair('BTC', 'USD'),
  ETHUSD: pair('ETH', 'USD'),
};

function providerSymbols(symbol: string, category: string): Record<string, string> {
  if (category !== 'stock') return PROVIDER_SYMBOLS[symbol] ?? {};
  // Stooq writes share classes with a dash, Twelve Data with a dot: BRK-B → brk-b.us, BRK.B.
  return { stooq: `${symbol.toLowerCase()}.us`, twelvedata: symbol.replace('-', '.') };
}

const CATEGORIES = [
  'precious-metal',
  'battery-ai-material',
  'energy',
  'space-tech-material',
  'industrial-metal',
  'fx',
  'crypto',
  'stock',
];

/** The rows the first catalogue had, with the categories it gave them (for `down`). */
const FIRST_CATALOGUE_CATEGORIES: Record<string, string> = {
  HG: 'industrial-metal',
  LITHIUM: 'battery-metal',
};
const FIRST_CATALOGUE = [
  ...['XAUUSD', 'XAGUSD', 'XPTUSD', 'XPDUSD', 'HG', 'LITHIUM', 'BRENT', 'WTI', 'NATGAS'],
  ...['EURUSD', 'GBPUSD', 'USDJPY', 'BTCUSD', 'ETHUSD', 'AAPL', 'MSFT', 'NVDA', 'GOOGL', 'TSLA'],
];

export class ExtendCatalogue1795575038611 implements MigrationInterface {
  name = 'ExtendCatalogue1795575038611';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE market_data.instruments
        ADD COLUMN provider_symbols jsonb NOT NULL DEFAULT '{}'::jsonb
          CHECK (jsonb_typeof(provider_symbols) = 'object')`);
    const rows = INSTRUMENTS.map(
      ([symbol, name, category, unit, currency, calendar, zone, price, vol, decimals]) => ({
        symbol,
        name,
        category,
        unit,
        currency,
        calendar,
        exchange_timezone: zone,
        reference_price: price,
        annual_volatility: vol,
        price_decimals: decimals,
        provider_symbols: providerSymbols(symbol, category),
      }),
    );
    // One set-based upsert; an existing row keeps everything but its category and mappings.
    await runner.query(
      `INSERT INTO market_data.instruments
         (symbol, name, category, unit, currency, calendar, exchange_timezone, reference_price, annual_volatility,
          price_decimals, provider_symbols)
       SELECT symbol, name, category, unit, currency, calendar, exchange_timezone, reference_price, annual_volatility,
              price_decimals, provider_symbols
         FROM jsonb_to_recordset($1::jsonb) AS r(
                symbol varchar, name text, category varchar, unit varchar, currency char(3), calendar varchar,
                exchange_timezone varchar, reference_price numeric, annual_volatility numeric,
                price_decimals smallint, provider_symbols jsonb)
       ON CONFLICT (symbol) DO UPDATE
         SET category = EXCLUDED.category, provider_symbols = EXCLUDED.provider_symbols`,
      [JSON.stringify(rows)],
    );
    await runner.query(
      `ALTER TABLE market_data.instruments
         ADD CONSTRAINT instruments_category_check CHECK (category IN (${CATEGORIES.map((c) => `'${c}'`).join(', ')}))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE market_data.instruments DROP CONSTRAINT instruments_category_check');
    const added = INSTRUMENTS.map((row) => row[0]).filter((symbol) => !FIRST_CATALOGUE.includes(symbol));
    for (const table of ['latest_prices', 'price_history', 'instruments']) {
      await runner.query(`DELETE FROM market_data.${table} WHERE symbol = ANY($1)`, [added]);
    }
    for (const [symbol, category] of Object.entries(FIRST_CATALOGUE_CATEGORIES)) {
      await runner.query('UPDATE market_data.instruments SET category = $2 WHERE symbol = $1', [
        symbol,
        category,
      ]);
    }
    await runner.query('ALTER TABLE market_data.instruments DROP COLUMN provider_symbols');
  }
}
