import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Which portfolios a revaluation covers. */
export type ValuationScope =
  | { kind: 'symbols'; symbols: readonly string[] }
  | { kind: 'portfolios'; ids: readonly string[] }
  /** After an FX change: every portfolio holding something outside its base currency. */
  | { kind: 'foreign' }
  | { kind: 'all' };

export interface ValuedPortfolio {
  id: string;
  owner_id: string;
  base_currency: string;
  value: string;
  stale: boolean;
  valued_at: Date;
}

const SCOPES: Record<ValuationScope['kind'], string> = {
  symbols: `f.id IN (SELECT portfolio_id FROM positions WHERE symbol = ANY($3::text[]) AND quantity <> 0)`,
  portfolios: `f.id = ANY($3::uuid[])`,
  foreign: `f.id IN (SELECT p.portfolio_id FROM positions p JOIN portfolios b ON b.id = p.portfolio_id
                      WHERE p.quantity <> 0 AND p.currency <> b.base_currency) AND $3::text IS NULL`,
  all: `$3::text IS NULL`,
};

/**
 * Revalues portfolios in one statement: holdings × latest price × FX rate to the base currency, summed per
 * portfolio. FX rates are looked up once per (currency, base) pair, not once per position (a position is in
 * its symbol's currency, so the pairs come from the 50-odd prices), which keeps a burst of 50 prices over
 * 100,000 positions inside a second.
 */
@Injectable()
export class ValuationRepository {
  async revalue(
    manager: EntityManager,
    scope: ValuationScope,
    now: Date,
    staleBefore: Date,
    /** The holdings just changed: the value's move is a flow, not a return. */
    flow = false,
  ): Promise<number> {
    if (scope.kind !== 'portfolios') {
      // Revaluations of many portfolios (a price burst, an FX change, the 2-hourly job), from any lane or
      // replica, take turns: two UPDATEs over overlapping rows in different orders would deadlock. One
      // portfolio's revaluation (a transaction, a settings change) needs no turn: it locks a single row.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('portfolio.revalue-many'))`);
    }
    const parameter =
      scope.kind === 'symbols' ? scope.symbols : scope.kind === 'portfolios' ? scope.ids : null;
    const [{ revalued }]: { revalued: number }[] = await manager.query(
      `WITH scope AS (SELECT f.id, f.base_currency FROM portfolios f WHERE ${SCOPES[scope.kind]}),
       pairs AS (
         SELECT c.currency, b.base_currency
           FROM (SELECT DISTINCT currency FROM prices) c, (SELECT DISTINCT base_currency FROM scope) b),
       rates AS (
         SELECT pairs.currency, pairs.base_currency, r.rate, r.as_of
           FROM pairs, LATERAL fx_rate(pairs.currency, pairs.base_currency) r),
       -- What one unit of each symbol is worth in each base currency, and whether that is stale: worked
       -- out once per symbol and base, so each position costs one multiplication.
       units AS (
         SELECT pr.symbol, pr.currency, r.base_currency, pr.price * r.rate AS unit_value,
                LEAST(pr.as_of, COALESCE(r.as_of, 'infinity')) AS as_of
           FROM prices pr JOIN rates r ON r.currency = pr.currency AND r.rate IS NOT NULL),
       -- priced_as_of: the oldest price or rate behind the value, '-infinity' for a holding without one,
       -- so that readers judge staleness against their own clock.
       totals AS (
         SELECT s.id,
                COALESCE(sum(p.quantity * u.unit_value), 0) AS value,
                min(CASE WHEN p.symbol IS NULL THEN NULL WHEN u.unit_value IS NULL THEN '-infinity'::timestamptz
                         ELSE u.as_of END) AS priced_as_of
           FROM scope s
           LEFT JOIN positions p ON p.portfolio_id = s.id AND p.quantity <> 0
           LEFT JOIN units u
                  ON u.symbol = p.symbol AND u.currency = p.currency AND u.base_currency = s.base_currency
          GROUP BY s.id),
       -- The time-weighted index moves by new value / value it last moved to, unless the value changed
       -- because the holdings did (a flow): then only its base moves. A portfolio worth nothing has no
       -- return to measure, so its level waits.
       moved AS (
         SELECT t.id, t.priced_as_of, COALESCE(t.priced_as_of < $2, false) AS stale, round(t.value, 8) AS value,
                CASE WHEN $4 OR f.index_base = 0 OR t.value = 0 THEN f.index_level
                     ELSE round(f.index_level * round(t.value, 8) / f.index_base, 16) END AS index_level
           FROM totals t JOIN portfolios f ON f.id = t.id),
       revalued AS (
         UPDATE portfolios f
          SET value = m.value, stale = m.stale, priced_as_of = m.priced_as_of, valued_at = $1,
              valuation_seq = nextval('valuation_seq'),
              index_level = m.index_level, index_base = m.value,
              index_peak = GREATEST(f.index_peak, m.index_level)
         FROM moved m
          WHERE f.id = m.id
         RETURNING 1)
       SELECT count(*)::int AS revalued FROM revalued`,
      [now, staleBefore, parameter, flow],
    );
    return revalued;
  }

  /**
   * Portfolios revalued since their last `portfolio.valued` (their valuation number differs from the one
   * published) and not published within `interval`, marked as published now. Replicas take turns (a transaction-scoped advisory lock), so none publishes twice.
   */
  async takeDueForPublication(
    manager: EntityManager,
    now: Date,
    intervalMs: number,
    limit: number,
  ): Promise<ValuedPortfolio[]> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtext('portfolio.valued-publisher')) AS locked`,
    );
    if (!locked) return [];
    return manager.query(
      `WITH due AS (
         SELECT f.id, f.owner_id, f.base_currency, f.value, f.stale, f.valued_at, f.valuation_seq
           FROM portfolios f LEFT JOIN valued_publications v ON v.portfolio_id = f.id
          WHERE f.valuation_seq <> COALESCE(v.published_seq, 0)
            AND (v.published_at IS NULL OR v.published_at <= $1::timestamptz - make_interval(secs => $2))
          LIMIT $3),
       -- The number read, not a clock: a revaluation committing after this read has another number.
       marked AS (
         INSERT INTO valued_publications (portfolio_id, published_at, published_seq)
         SELECT id, $1, valuation_seq FROM due
         ON CONFLICT (portfolio_id) DO UPDATE
           SET published_at = EXCLUDED.published_at, published_seq = EXCLUDED.published_seq)
       SELECT * FROM due`,
      [now, intervalMs / 1000, limit],
    );
  }
}
