import type { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedRule {
  id: string;
  match: 'keyword' | 'entity';
  terms: string[];
  categories: string[];
  symbols: string[];
  description: string;
}

/**
 * The first rule set. Keywords match whole words case-insensitively ("gold" but not "golden"), entities
 * match case-sensitively (tickers such as "BTC" or "AAPL", which as lower-case words mean something else).
 */
const RULES: SeedRule[] = [
  rule('gold', 'keyword', ['gold', 'bullion', 'xau'], ['gold', 'commodities'], ['XAUUSD'], 'Gold'),
  rule('silver', 'keyword', ['silver', 'xag'], ['silver', 'commodities'], ['XAGUSD'], 'Silver'),
  rule('platinum', 'keyword', ['platinum'], ['commodities'], ['XPTUSD'], 'Platinum'),
  rule('palladium', 'keyword', ['palladium'], ['commodities'], ['XPDUSD'], 'Palladium'),
  rule('bitcoin', 'keyword', ['bitcoin', 'bitcoins'], ['crypto'], ['BTCUSD'], 'Bitcoin'),
  rule('bitcoin-ticker', 'entity', ['BTC', '$BTC', 'BTC/USD'], ['crypto'], ['BTCUSD'], 'Bitcoin ticker'),
  rule('ether', 'keyword', ['ethereum', 'ether'], ['crypto'], ['ETHUSD'], 'Ether'),
  rule('ether-ticker', 'entity', ['ETH', '$ETH', 'ETH/USD'], ['crypto'], ['ETHUSD'], 'Ether ticker'),
  rule(
    'crypto',
    'keyword',
    ['crypto', 'cryptocurrency', 'cryptocurrencies', 'stablecoin', 'stablecoins', 'blockchain'],
    ['crypto'],
    [],
    'Crypto in general',
  ),
  rule('brent', 'keyword', ['brent'], ['commodities'], ['BRENT'], 'Brent crude'),
  rule('wti', 'entity', ['WTI'], ['commodities'], ['WTI'], 'WTI crude'),
  rule('crude', 'keyword', ['crude', 'oil prices', 'opec', 'opec+'], ['commodities'], [], 'Oil in general'),
  rule('natgas', 'keyword', ['natural gas', 'lng'], ['commodities'], ['NATGAS'], 'Natural gas'),
  rule(
    'copper',
    'keyword',
    ['copper', 'nickel', 'zinc', 'lithium', 'uranium'],
    ['commodities'],
    [],
    'Metals',
  ),
  rule('eurusd', 'entity', ['EUR/USD', 'EURUSD'], ['forex'], ['EURUSD'], 'Euro-dollar pair'),
  rule('euro', 'keyword', ['euro', 'ecb'], ['forex'], ['EURUSD'], 'The euro'),
  rule('gbpusd', 'entity', ['GBP/USD', 'GBPUSD'], ['forex'], ['GBPUSD'], 'Cable'),
  rule('sterling', 'keyword', ['sterling', 'pound', 'bank of england'], ['forex'], ['GBPUSD'], 'Sterling'),
  rule('usdjpy', 'entity', ['USD/JPY', 'USDJPY'], ['forex'], ['USDJPY'], 'Dollar-yen pair'),
  rule('yen', 'keyword', ['yen', 'bank of japan', 'boj'], ['forex'], ['USDJPY'], 'The yen'),
  rule('franc', 'keyword', ['swiss franc', 'snb'], ['forex'], ['USDCHF'], 'The Swiss franc'),
  rule(
    'forex',
    'keyword',
    ['forex', 'currency markets', 'exchange rate', 'exchange rates', 'dollar index'],
    ['forex'],
    [],
    'FX in general',
  ),
  rule('apple', 'keyword', ['apple', 'iphone'], ['equities'], ['AAPL'], 'Apple'),
  rule('nvidia', 'keyword', ['nvidia'], ['equities'], ['NVDA'], 'Nvidia'),
  rule('microsoft', 'keyword', ['microsoft'], ['equities'], ['MSFT'], 'Microsoft'),
  rule('tesla', 'keyword', ['tesla'], ['equities'], ['TSLA'], 'Tesla'),
  rule('amazon', 'keyword', ['amazon'], ['equities'], ['AMZN'], 'Amazon'),
  rule('alphabet', 'keyword', ['alphabet', 'google'], ['equities'], ['GOOGL'], 'Alphabet'),
  rule('meta', 'keyword', ['meta platforms'], ['equities'], ['META'], 'Meta'),
  rule(
    'tickers',
    'entity',
    ['AAPL', 'NVDA', 'MSFT', 'TSLA', 'AMZN', 'GOOGL', 'META', 'JPM', 'XOM', 'TSM', 'ASML'],
    ['equities'],
    [],
    'Equity tickers (the symbol comes from the company rules)',
  ),
  rule(
    'equities',
    'keyword',
    ['stocks', 'shares', 'equities', 's&p 500', 'nasdaq', 'dow jones', 'earnings', 'wall street'],
    ['equities'],
    [],
    'Stock markets in general',
  ),
  rule(
    'venture',
    'keyword',
    [
      'venture capital',
      'seed round',
      'series a',
      'series b',
      'series c',
      'funding round',
      'startup',
      'unicorn',
    ],
    ['venture'],
    [],
    'Venture capital and startups',
  ),
  rule(
    'macro',
    'keyword',
    [
      'inflation',
      'federal reserve',
      'the fed',
      'interest rates',
      'rate cut',
      'rate hike',
      'gdp',
      'payrolls',
      'recession',
      'central bank',
    ],
    ['macro'],
    [],
    'Macroeconomics and central banks',
  ),
];

function rule(
  id: string,
  match: SeedRule['match'],
  terms: string[],
  categories: string[],
  symbols: string[],
  description: string,
): SeedRule {
  return { id, match, terms, categories, symbols, description };
}

export class CreateTaggingRules1795564800003 implements MigrationInterface {
  name = 'CreateTaggingRules1795564800003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE news.tagging_rules (
        id          varchar(64) PRIMARY KEY,
        match       varchar(8) NOT NULL CHECK (match IN ('keyword', 'entity')),
        terms       text[] NOT NULL CHECK (cardinality(terms) > 0),
        categories  text[] NOT NULL,
        symbols     text[] NOT NULL,
        priority    integer NOT NULL,
        enabled     boolean NOT NULL DEFAULT true,
        description text NOT NULL
      )`);
    for (const [index, seed] of RULES.entries()) {
      await runner.query(
        `INSERT INTO news.tagging_rules (id, match, terms, categories, symbols, priority, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [seed.id, seed.match, seed.terms, seed.categories, seed.symbols, (index + 1) * 10, seed.description],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE news.tagging_rules');
  }
}
