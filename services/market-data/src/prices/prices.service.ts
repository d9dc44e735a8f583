import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MarketDataConfig } from '../market-data.config';
import type { PriceDto, PriceHistoryDto } from './dto/price.dto';
import type { HistoryQueryDto } from './dto/history-query.dto';
import { LatestQuoteCache } from './latest-quote-cache';

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

const DAY_MS = 24 * 60 * 60 * 1000;

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
   * Every latest quote in one read, cached as one entry: a few hundred rows at most, and one read per TTL
   * however many symbols are asked for, where a read per symbol sent a sixth of the hot reads to the database.
   */
  private latestQuotes(): Promise<{ rows: LatestRow[]; bySymbol: Map<string, LatestRow> }> {
    return this.cache.get('latest', async () => {
      const rows: LatestRow[] = await this.dataSource.query(
        `SELECT p.symbol, i.name, i.category, i.unit, p.price, p.currency, p.as_of, p.source, p.change_percent, p.synthetic, i.price_decimals
           FROM latest_prices p JOIN instruments i USING (symbol)
          ORDER BY i.category, p.symbol`,
      );
      return { rows, bySymbol: new Map(rows.map((row) => [row.symbol, row])) };
    });
  }

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
    const rows: { as_of: Date; price: string; source: string }[] = await this.dataSource.query(
      `SELECT as_of, price, source FROM price_history
        WHERE symbol = $1 AND as_of >= $2 AND as_of <= $3 ORDER BY as_of LIMIT $4`,
      [instrument.symbol, from, to, limit + 1],
    );
    const truncated = rows.length > limit;
    return {
      symbol: instrument.symbol,
      currency: instrument.currency,
      from: from.toISOString(),
      to: to.toISOString(),
      points: rows.slice(0, limit).map((row) => ({
        asOf: row.as_of.toISOString(),
        price: trimDecimal(row.price, instrument.priceDecimals),
        source: row.source,
      })),
      truncated,
    };
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
