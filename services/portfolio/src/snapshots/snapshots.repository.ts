import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface TakenSnapshot {
  portfolio_id: string;
  owner_id: string;
  base_currency: string;
  day: string;
  value: string;
  cost_basis: string;
  cash: string;
  stale: boolean;
  taken_at: Date;
}

export interface SnapshotRow {
  day: string;
  /** The currency of value, cost_basis and cash: the portfolio's base currency when it was taken. */
  base_currency: string;
  value: string;
  cost_basis: string;
  cash: string;
  stale: boolean;
  holdings: { symbol: string; quantity: string; price: string | null; value: string | null }[];
  taken_at: Date;
  /** The highest transaction (or deletion) seq of the portfolio the value includes (bigint, as text). */
  ledger_seq: string;
}

/**
 * Daily snapshots, taken for every portfolio in one statement: holdings valued at the latest prices and
 * rates, cost basis and cash in the base currency. A second run of the same day replaces the first.
 */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async takeAll(manager: EntityManager, day: string, now: Date, staleBefore: Date): Promise<TakenSnapshot[]> {
    return manager.query(
      `WITH pairs AS (
         SELECT DISTINCT p.currency, f.base_currency FROM positions p JOIN portfolios f ON f.id = p.portfolio_id
         UNION
         SELECT DISTINCT c.currency, f.base_currency FROM cash_balances c JOIN portfolios f ON f.id = c.portfolio_id),
       rates AS (
         SELECT pairs.currency, pairs.base_currency, r.rate, r.as_of
           FROM pairs, LATERAL fx_rate(pairs.currency, pairs.base_currency) r),
       held AS (
         SELECT p.portfolio_id,
                sum(p.quantity * pr.price * r.rate) AS value,
                sum(p.cost_basis * r.rate) AS cost_basis,
                bool_or(pr.price IS NULL OR r.rate IS NULL OR pr.as_of < $3
                        OR COALESCE(r.as_of, 'infinity') < $3) AS stale,
                jsonb_agg(jsonb_build_object(
                  'symbol', p.symbol, 'quantity', p.quantity::text, 'price', pr.price::text,
                  'value', round(p.quantity * pr.price * r.rate, 8)::text) ORDER BY p.symbol) AS holdings
           FROM positions p
           JOIN portfolios f ON f.id = p.portfolio_id
           LEFT JOIN prices pr ON pr.symbol = p.symbol
           LEFT JOIN rates r ON r.currency = p.currency AND r.base_currency = f.base_currency
          WHERE p.quantity <> 0
          GROUP BY p.portfolio_id),
       -- Read in the same statement as the positions, so it names exactly the transactions they include;
       -- deletions too (their reversals), so a value taken after one is known to be without it.
       seen AS (
         SELECT portfolio_id, max(seq) AS seq
           FROM (SELECT portfolio_id, seq FROM transactions
                 UNION ALL SELECT portfolio_id, seq FROM transaction_reversals) recorded
          GROUP BY portfolio_id),
       cash AS (
         SELECT c.portfolio_id, sum(c.amount * r.rate) AS amount
           FROM cash_balances c
           JOIN portfolios f ON f.id = c.portfolio_id
           LEFT JOIN rates r ON r.currency = c.currency AND r.base_currency = f.base_currency
          GROUP BY c.portfolio_id),
       taken AS (
         INSERT INTO snapshots AS s (portfolio_id, day, value, cost_basis, cash, stale, holdings, taken_at,
                                     ledger_seq, base_currency)
         SELECT f.id, $1::date, round(COALESCE(h.value, 0), 8), round(COALESCE(h.cost_basis, 0), 8),
                round(COALESCE(c.amount, 0), 8), COALESCE(h.stale, false), COALESCE(h.holdings, '[]'), $2,
                COALESCE(n.seq, 0), f.base_currency
           FROM portfolios f LEFT JOIN held h ON h.portfolio_id = f.id LEFT JOIN cash c ON c.portfolio_id = f.id
           LEFT JOIN seen n ON n.portfolio_id = f.id
         ON CONFLICT (portfolio_id, day) DO UPDATE SET
           value = EXCLUDED.value, cost_basis = EXCLUDED.cost_basis, cash = EXCLUDED.cash,
           stale = EXCLUDED.stale, holdings = EXCLUDED.holdings, taken_at = EXCLUDED.taken_at,
           ledger_seq = EXCLUDED.ledger_seq, base_currency = EXCLUDED.base_currency
         RETURNING portfolio_id, to_char(day, 'YYYY-MM-DD') AS day, value, cost_basis, cash, stale, taken_at)
       SELECT t.*, f.owner_id, f.base_currency FROM taken t JOIN portfolios f ON f.id = t.portfolio_id`,
      [day, now, staleBefore],
    );
  }

  /** Snapshots of one portfolio between two days (inclusive), oldest first. */
  async between(
    portfolioId: string,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SnapshotRow[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, base_currency, value, cost_basis, cash, stale, holdings, taken_at,
              ledger_seq
         FROM snapshots WHERE portfolio_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
      [portfolioId, from, to],
    );
  }

  /** The last snapshot on or before a day. */
  async lastOnOrBefore(
    portfolioId: string,
    day: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SnapshotRow | undefined> {
    const [row]: SnapshotRow[] = await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, base_currency, value, cost_basis, cash, stale, holdings, taken_at,
              ledger_seq
         FROM snapshots WHERE portfolio_id = $1 AND day <= $2 ORDER BY day DESC LIMIT 1`,
      [portfolioId, day],
    );
    return row;
  }
}
