import { Injectable } from '@nestjs/common';
import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface ObservedPrice {
  symbol: string;
  price: string;
  currency: string;
  asOf: Date;
  synthetic: boolean;
}

interface ObservationRow {
  symbol: string;
  price: string;
  currency: string;
  as_of: Date;
  synthetic: boolean;
}

const toObserved = (row: ObservationRow): ObservedPrice => ({
  symbol: row.symbol,
  price: row.price,
  currency: row.currency,
  asOf: row.as_of,
  synthetic: row.synthetic,
});

/** The service's own price history, fed by `price.updated` (it never reads market-data's tables). */
@Injectable()
export class PriceProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A repeat of an observation (same symbol and instant) changes nothing. */
  async record(manager: EntityManager, price: PriceUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO price_observations (symbol, as_of, price, currency, synthetic) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (symbol, as_of) DO NOTHING`,
      [price.symbol, price.asOf, price.price, price.currency, price.synthetic],
    );
  }

  async latest(
    symbol: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ObservedPrice | undefined> {
    const [row]: ObservationRow[] = await manager.query(
      `SELECT symbol, price, currency, as_of, synthetic FROM price_observations
        WHERE symbol = $1 ORDER BY as_of DESC LIMIT 1`,
      [symbol],
    );
    return row && toObserved(row);
  }

  /** The symbols with a price at or after `since`, for the "no recent price" message. */
  async symbolsPricedSince(since: Date): Promise<string[]> {
    const rows: { symbol: string }[] = await this.dataSource.query(
      `SELECT DISTINCT symbol FROM price_observations WHERE as_of >= $1 ORDER BY symbol`,
      [since],
    );
    return rows.map((row) => row.symbol);
  }

  /** For each (symbol, instant): the last observation at or before the instant, in one query. */
  async lastAtOrBefore(
    manager: EntityManager,
    wanted: { symbol: string; at: Date }[],
  ): Promise<(ObservedPrice | undefined)[]> {
    if (wanted.length === 0) return [];
    const rows: (ObservationRow & { ord: string })[] = await manager.query(
      `SELECT w.ord, o.symbol, o.price, o.currency, o.as_of, o.synthetic
         FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS w(symbol, at, ord)
         JOIN LATERAL (
           SELECT symbol, price, currency, as_of, synthetic FROM price_observations
            WHERE symbol = w.symbol AND as_of <= w.at ORDER BY as_of DESC LIMIT 1
         ) o ON true`,
      [wanted.map((item) => item.symbol), wanted.map((item) => item.at)],
    );
    const found = new Map(rows.map((row) => [Number(row.ord) - 1, toObserved(row)]));
    return wanted.map((_, index) => found.get(index));
  }

  async prune(manager: EntityManager, before: Date): Promise<number> {
    const deleted: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM price_observations WHERE as_of < $1 RETURNING 1) SELECT 1 FROM gone`,
      [before],
    );
    return deleted.length;
  }
}
