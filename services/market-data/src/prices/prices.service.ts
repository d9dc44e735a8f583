import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MarketDataConfig } from '../market-data.config';
import type { PriceDto, PriceHistoryDto } from './dto/price.dto';
import type { HistoryQueryDto } from './dto/history-query.dto';
import { LatestQuoteCache } from './latest-quote-cache';
import { BUCKET_MS, defaultTickInterval, type TickBucket, type TickInterval } from './tick-buckets';

interface LatestRow {
  symbol: string;
  name: string;
  category: string;
  unit: string;
  price: string;
  currency: string;
  as_of: Date;
  source: string;
  change_percent: string | null;
  synthetic: boolean;
  price_decimals: number;
}

interface TickRow {
  as_of: Date;
  /** The tick's price, or the bucket's close. */
  price: string;
  source: string;
  open?: string;
  high?: string;
  low?: string;
}

interface LatestQuotes {
  rows: LatestRow[];
  bySymbol: Map<string, LatestRow>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LATEST = 'latest';

/** Read side of prices for the HTTP API. */
@Injectable()
export class PricesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly config: MarketDataConfig,
    private readonly cache: LatestQuoteCache,
  ) {}

  /** Stale flags are computed on every answer, cached or not: the cache holds rows, not verdicts. */
  async latest(category?: string): Promise<PriceDto[]> {
    const { rows } = await this.latestQuotes();
    return rows
      .filter((row) => category === undefined || row.category === category)
      .map((row) => this.toDto(row));
  }

  /** The hot read: from the cached set of every latest quote; the catalogue is consulted only to word a 404. */
  async latestFor(symbol: string): Promise<PriceDto> {
    const row = (await this.latestQuotes()).bySymbol.get(symbol);
    if (row) return this.toDto(row);
    await this.catalogue.require(symbol);
    throw new NotFoundException(`No price for '${symbol}' yet; the next refresh will bring one`);
  }

  /**
   * What `latest()` (no category) and `latestFor()` would answer, from the cache without waiting, or
   * undefined when the cache has nothing to give at once (the fast read then passes to the controller).
   */
  cachedLatest(): PriceDto[] | undefined {
    return this.cache.peek(LATEST, this.loadLatest)?.rows.map((row) => this.toDto(row));
  }

  cachedLatestFor(symbol: string): PriceDto | undefined {
    const row = this.cache.peek(LATEST, this.loadLatest)?.bySymbol.get(symbol);
    return row && this.toDto(row);
  }

  /**
   * Every latest quote in one read, cached as one entry: a few hundred rows at most, and one read per TTL
   * however many symbols are asked for, where a read per symbol sent a sixth of the hot reads to the database.
   */
  private latestQuotes(): Promise<LatestQuotes> {
    return this.cache.get(LATEST, this.loadLatest);
  }

  private readonly loadLatest = async (): Promise<LatestQuotes> => {
    const rows: LatestRow[] = await this.dataSource.query(
      `SELECT p.symbol, i.name, i.category, i.unit, p.price, p.currency, p.as_of, p.source, p.change_percent, p.synthetic, i.price_decimals
         FROM latest_prices p JOIN instruments i USING (symbol)
        ORDER BY i.category, p.symbol`,
    );
    return { rows, bySymbol: new Map(rows.map((row) => [row.symbol, row])) };
  };

  async history(symbol: string, query: HistoryQueryDto): Promise<PriceHistoryDto> {
    const instrument = await this.catalogue.require(symbol);
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (from.getTime() > to.getTime()) {
      throw new BadRequestException(
        `from (${from.toISOString()}) must not be after to (${to.toISOString()})`,
      );
    }
    const limit = query.limit ?? 1000;
    const interval =
      (query.interval as TickInterval | undefined) ??
      (await this.defaultInterval(instrument.symbol, from, to, limit));
    const decimals = instrument.priceDecimals;
    const rows = await this.points(instrument.symbol, from, to, limit, interval);
    return {
      symbol: instrument.symbol,
      currency: instrument.currency,
      from: from.toISOString(),
      to: to.toISOString(),
      interval,
      points: rows.slice(0, limit).map((row) => ({
        asOf: row.as_of.toISOString(),
        price: trimDecimal(row.price, decimals),
        source: row.source,
        ...(row.open !== undefined
          ? {
              open: trimDecimal(row.open, decimals),
              high: trimDecimal(row.high!, decimals),
              low: trimDecimal(row.low!, decimals),
              close: trimDecimal(row.price, decimals),
            }
          : {}),
      })),
      truncated: rows.length > limit,
    };
  }

  /** The count walks the (symbol, as_of) key only, so deciding costs little next to the answer. */
  private async defaultInterval(symbol: string, from: Date, to: Date, limit: number): Promise<TickInterval> {
    const [{ ticks }]: { ticks: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS ticks FROM (
         SELECT 1 FROM price_history WHERE symbol = $1 AND as_of >= $2 AND as_of <= $3 LIMIT $4) capped`,
      [symbol, from, to, limit + 1],
    );
    return defaultTickInterval(ticks, to.getTime() - from.getTime(), limit);
  }

  /** One more than `limit` rows at most: the extra one only says the answer is truncated. */
  private points(
    symbol: string,
    from: Date,
    to: Date,
    limit: number,
    interval: TickInterval,
  ): Promise<TickRow[]> {
    if (interval === 'tick') {
      return this.dataSource.query(
        `SELECT as_of, price, source FROM price_history
          WHERE symbol = $1 AND as_of >= $2 AND as_of <= $3 ORDER BY as_of LIMIT $4`,
        [symbol, from, to, limit + 1],
      );
    }
    // Buckets are aligned to the epoch, so the same bucket has the same start whatever `from` is.
    return this.dataSource.query(
      `SELECT date_bin($5::interval, as_of, TIMESTAMPTZ 'epoch') AS as_of,
              (array_agg(price ORDER BY as_of))[1]::text AS open,
              max(price)::text AS high, min(price)::text AS low,
              (array_agg(price ORDER BY as_of DESC))[1]::text AS price,
              (array_agg(source ORDER BY as_of DESC))[1] AS source
         FROM price_history
        WHERE symbol = $1 AND as_of >= $2 AND as_of <= $3
        GROUP BY 1 ORDER BY 1 LIMIT $4`,
      [symbol, from, to, limit + 1, `${BUCKET_MS[interval as TickBucket] / 1000} seconds`],
    );
  }

  private toDto(row: LatestRow): PriceDto {
    return {
      symbol: row.symbol,
      name: row.name,
      category: row.category,
      price: trimDecimal(row.price, row.price_decimals),
      currency: row.currency,
      unit: row.unit,
      asOf: row.as_of.toISOString(),
      source: row.source,
      changePercent: row.change_percent,
      synthetic: row.synthetic,
      stale: Date.now() - row.as_of.getTime() > this.config.PRICE_STALE_AFTER_MS,
    };
  }
}

/** numeric(24,8) comes back with 8 places; show the instrument's own precision. */
function trimDecimal(value: string, decimals: number): string {
  const [whole, fraction = ''] = value.split('.');
  return decimals > 0 ? `${whole}.${fraction.padEnd(decimals, '0').slice(0, decimals)}` : whole;
}
