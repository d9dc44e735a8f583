import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portfolios, their transactions (the source of truth) and what is derived from them: positions per
 * symbol and cash per currency, rewritten whenever the transactions change. `value` is the market value
 * of the holdings in the base currency, kept current by the price consumer.
 */
export class CreatePortfolios1795478400002 implements MigrationInterface {
  name = 'CreatePortfolios1795478400002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio.portfolios (
        id                   uuid PRIMARY KEY,
        owner_id             varchar(128) NOT NULL,
        name                 varchar(100) NOT NULL,
        base_currency        char(3) NOT NULL,
        cost_method          varchar(8) NOT NULL CHECK (cost_method IN ('average', 'fifo')),
        value                numeric(28, 8) NOT NULL DEFAULT 0,
        peak_value           numeric(28, 8) NOT NULL DEFAULT 0,
        stale                boolean NOT NULL DEFAULT false,
        valued_at            timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      ) WITH (fillfactor = 50)`);
    // Half-empty pages: a price burst rewrites every row's value, and with room on the page PostgreSQL
    // does it as a heap-only update, without touching the indexes.
    await runner.query('CREATE INDEX portfolios_owner_idx ON portfolio.portfolios (owner_id, created_at)');
    // When `portfolio.valued` last went out, apart from the portfolio row: the publisher never holds a lock
    // the revaluation of the next price burst would wait for.
    await runner.query(`
      CREATE TABLE portfolio.valued_publications (
        portfolio_id uuid PRIMARY KEY REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE portfolio.transactions (
        id              uuid PRIMARY KEY,
        portfolio_id    uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        seq             bigserial NOT NULL,
        type            varchar(12) NOT NULL
                          CHECK (type IN ('buy', 'sell', 'dividend', 'fee', 'deposit', 'withdrawal', 'split')),
        trade_date      date NOT NULL,
        symbol          varchar(32),
        quantity        numeric(28, 10),
        price           numeric(24, 8),
        amount          numeric(28, 8),
        currency        char(3) NOT NULL,
        fees            numeric(28, 8) NOT NULL DEFAULT 0 CHECK (fees >= 0),
        note            varchar(500),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX transactions_portfolio_idx ON portfolio.transactions (portfolio_id, trade_date, seq)',
    );
    await runner.query(`
      CREATE TABLE portfolio.positions (
        portfolio_id   uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        symbol         varchar(32) NOT NULL,
        currency       char(3) NOT NULL,
        quantity       numeric(28, 10) NOT NULL,
        cost_basis     numeric(28, 8) NOT NULL,
        invested       numeric(28, 8) NOT NULL,
        realised_pnl   numeric(28, 8) NOT NULL,
        dividends      numeric(28, 8) NOT NULL,
        fees           numeric(28, 8) NOT NULL,
        opened_on      date NOT NULL,
        PRIMARY KEY (portfolio_id, symbol)
      )`);
    await runner.query('CREATE INDEX positions_symbol_idx ON portfolio.positions (symbol, portfolio_id)');
    await runner.query(`
      CREATE TABLE portfolio.cash_balances (
        portfolio_id uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        currency     char(3) NOT NULL,
        amount       numeric(28, 8) NOT NULL,
        PRIMARY KEY (portfolio_id, currency)
      )`);
    // A retried request (same owner, same Idempotency-Key) gets the stored answer instead of a second effect.
    await runner.query(`
      CREATE TABLE portfolio.idempotency_keys (
        owner_id     varchar(128) NOT NULL,
        key          varchar(200) NOT NULL,
        request_hash char(64) NOT NULL,
        status       smallint NOT NULL,
        response     jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portfolio.idempotency_keys');
    await runner.query('DROP TABLE portfolio.cash_balances');
    await runner.query('DROP TABLE portfolio.positions');
    await runner.query('DROP TABLE portfolio.transactions');
    await runner.query('DROP TABLE portfolio.valued_publications');
    await runner.query('DROP TABLE portfolio.portfolios');
  }
}
