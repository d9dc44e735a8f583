import { Injectable } from '@nestjs/common';
import type { FxRateUpdatedV1, PriceUpdatedV1 } from '@marketpulse/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface KnownSymbol {
  symbol: string;
  currency: string;
}

/** Keeps one row per event key: the latest observation wins, so a batch can be upserted in one statement. */
function latestPer<T extends { asOf: string }>(items: readonly T[], key: (item: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const seen = latest.get(key(item));
    if (!seen || Date.parse(item.asOf) > Date.parse(seen.asOf)) latest.set(key(item), item);
  }
  return [...latest.values()];
}

/** The service's own latest prices and FX rates, fed by market-data's events (never its tables). */
@Injectable()
export class MarketProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts a batch of prices; an older observation than the one held changes nothing. The previous
   * day's last price is kept for the day change, each day's high for holding drawdowns.
   * Returns the symbols whose price changed.
   */
  async recordPrices(manager: EntityManager, prices: readonly PriceUpdatedV1[]): Promise<string[]> {
    const rows = latestPer(prices, (price) => price.symbol);
    if (rows.length === 0) return [];
    const changed: { symbol: string }[] = await manager.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::numeric[], $3::text[], $4::timestamptz[], $5::boolean[])
                AS i(symbol, price, currency, as_of, synthetic)),
       -- Every observation of the batch counts towards its day's high, even one older than the latest.
       highs AS (
         INSERT INTO price_highs AS h (symbol, day, high)
         SELECT symbol, (as_of AT TIME ZONE 'UTC')::date, max(price)
           FROM unnest($6::text[], $7::numeric[], $8::timestamptz[]) AS o(symbol, price, as_of)
          GROUP BY 1, 2
         ON CONFLICT (symbol, day) DO UPDATE SET high = GREATEST(h.high, EXCLUDED.high)
         WHERE EXCLUDED.high > h.high)
       INSERT INTO prices AS p (symbol, price, currency, as_of, synthetic)
       SELECT symbol, price, currency, as_of, synthetic FROM incoming
       ON CONFLICT (symbol) DO UPDATE SET
         price = EXCLUDED.price,
         currency = EXCLUDED.currency,
         as_of = EXCLUDED.as_of,
         synthetic = EXCLUDED.synthetic,
         prev_close = CASE WHEN (EXCLUDED.as_of AT TIME ZONE 'UTC')::date > (p.as_of AT TIME ZONE 'UTC')::date
                           THEN p.price ELSE p.prev_close END,
         received_at = now()
       WHERE EXCLUDED.as_of > p.as_of
       RETURNING symbol`,
      [
        rows.map((row) => row.symbol),
        rows.map((row) => row.price),
        rows.map((row) => row.currency),
        rows.map((row) => row.asOf),
        rows.map((row) => row.synthetic),
        prices.map((price) => price.symbol),
        prices.map((price) => price.price),
        prices.map((price) => price.asOf),
      ],
    );
    return changed.map((row) => row.symbol);
  }

  /** Upserts a batch of rates; returns the pairs whose rate changed. */
  async recordRates(manager: EntityManager, rates: readonly FxRateUpdatedV1[]): Promise<string[]> {
    const rows = latestPer(rates, (rate) => rate.pair);
    if (rows.length === 0) return [];
    const changed: { pair: string }[] = await manager.query(
      `INSERT INTO fx_rates AS r (pair, base, quote, rate, as_of)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::timestamptz[])
       ON CONFLICT (pair) DO UPDATE SET rate = EXCLUDED.rate, as_of = EXCLUDED.as_of, received_at = now()
       WHERE EXCLUDED.as_of > r.as_of
       RETURNING pair`,
      [
        rows.map((row) => row.pair),
        rows.map((row) => row.base),
        rows.map((row) => row.quote),
        rows.map((row) => row.rate),
        rows.map((row) => row.asOf),
      ],
    );
    return changed.map((row) => row.pair);
  }

  /** The symbols this service has seen a price for: the ones a transaction may name. */
  async knownSymbols(symbols: readonly string[], manager: EntityManager = this.dataSource.manager) {
    if (symbols.length === 0) return new Map<string, KnownSymbol>();
    const rows: KnownSymbol[] = await manager.query(
      `SELECT symbol, currency FROM prices WHERE symbol = ANY($1::text[])`,
      [symbols],
    );
    return new Map(rows.map((row) => [row.symbol, row]));
  }
}
