import { Injectable, NotFoundException } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { MarketDataConfig } from '../market-data.config';
import type { FxConversionDto, FxDerivedRateDto, FxPairDto, FxRatesDto } from './dto/fx-rate.dto';
import {
  convertAmount,
  displayRate,
  findRoute,
  routeProvenance,
  type FxQuote,
  type FxRoute,
} from './fx-math';

interface PairRow {
  symbol: string;
  base: string;
  quote: string;
  price: string | null;
  as_of: Date | null;
  source: string | null;
  synthetic: boolean | null;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Rates read straight from the latest prices of the `fx` instruments (base in `unit`, quote in
 * `currency`), so there is no table of rates to keep in step with the prices.
 */
@Injectable()
export class FxRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: MarketDataConfig,
  ) {}

  async rates(base: string): Promise<FxRatesDto> {
    const { known, quotes, pairs } = await this.load();
    this.requireKnown(known, base);
    const rates: FxDerivedRateDto[] = [];
    for (const quote of known) {
      if (quote === base) continue;
      const route = findRoute(quotes, base, quote);
      if (!route) continue;
      const { asOf, source, synthetic } = routeProvenance(route);
      rates.push({
        quote,
        rate: displayRate(route.rate),
        path: route.path,
        asOf: asOf!.toISOString(),
        source,
        synthetic,
        stale: this.isStale(asOf),
      });
    }
    return { base, pairs, rates };
  }

  async convert(amount: string, from: string, to: string): Promise<FxConversionDto> {
    const { known, quotes } = await this.load();
    this.requireKnown(known, from);
    this.requireKnown(known, to);
    const route: FxRoute | undefined = findRoute(quotes, from, to);
    if (!route) {
      throw new NotFoundException(`No rate from ${from} to ${to} yet; the next price refresh will bring one`);
    }
    const { asOf, source, synthetic } = routeProvenance(route);
    return {
      amount: new Decimal(amount).toFixed(),
      from,
      to,
      rate: displayRate(route.rate),
      converted: convertAmount(amount, route.rate),
      asOf: asOf ? asOf.toISOString() : null,
      path: route.path,
      source,
      synthetic,
      stale: this.isStale(asOf),
    };
  }

  /** Every currency of an enabled FX pair is known, priced or not; only priced pairs give rates. */
  private async load(): Promise<{ known: string[]; quotes: FxQuote[]; pairs: FxPairDto[] }> {
    const rows: PairRow[] = await this.dataSource.query(
      `SELECT i.symbol, i.unit AS base, i.currency AS quote, p.price::text AS price, p.as_of, p.source, p.synthetic
         FROM instruments i LEFT JOIN latest_prices p USING (symbol)
        WHERE i.category = 'fx' AND i.enabled
        ORDER BY i.symbol`,
    );
    const valid = rows.filter((row) => CURRENCY.test(row.base) && CURRENCY.test(row.quote));
    const known = [...new Set(valid.flatMap((row) => [row.base, row.quote]))].sort();
    const quotes: FxQuote[] = [];
    const pairs: FxPairDto[] = [];
    for (const row of valid) {
      if (row.price === null || row.as_of === null) continue;
      const quote: FxQuote = {
        base: row.base,
        quote: row.quote,
        rate: new Decimal(row.price).toFixed(), // numeric(24,8) pads with zeros; 1.16215, not 1.16215000
        asOf: row.as_of,
        source: row.source ?? 'unknown',
        synthetic: row.synthetic ?? false,
      };
      quotes.push(quote);
      pairs.push({
        pair: row.symbol,
        base: quote.base,
        quote: quote.quote,
        rate: quote.rate,
        asOf: quote.asOf.toISOString(),
        source: quote.source,
        synthetic: quote.synthetic,
        stale: this.isStale(quote.asOf),
      });
    }
    return { known, quotes, pairs };
  }

  private requireKnown(known: readonly string[], currency: string): void {
    if (known.includes(currency)) return;
    throw new NotFoundException(
      `Unknown currency '${currency}'. Known currencies: ${known.join(', ') || 'none yet'}`,
    );
  }

  private isStale(asOf: Date | null): boolean {
    return asOf !== null && Date.now() - asOf.getTime() > this.config.PRICE_STALE_AFTER_MS;
  }
}
