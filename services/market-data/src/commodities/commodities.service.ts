import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { CALENDAR_DAYS, indicatorWindows, percentChange, rangePosition, type DailyBar } from '../indicators';
import { MarketDataConfig } from '../market-data.config';
import { CommodityBarsRepository } from './commodity-bars.repository';
import { compareDecimals, meanPercent, PERCENT_PLACES, percentFrom, roundOutput } from './commodity-decimal';
import {
  COMMODITY_CATEGORIES,
  COMMODITY_GROUPS,
  type CommodityCategory,
  type CommodityGroup,
} from './commodity-groups';
import { CommodityQuotesRepository, type CommodityQuoteRow } from './commodity-quotes.repository';
import type { CommodityConfigDto } from './dto/commodity-config.dto';
import type { CommodityGroupDto, CommodityPerformanceDto } from './dto/commodity-group.dto';
import type { CommodityCategoryOverviewDto, CommodityOverviewDto } from './dto/commodity-overview.dto';
import type { CommodityQuoteDto } from './dto/commodity-quote.dto';
import { TRENDING_WINDOWS, type TrendingQueryDto } from './dto/trending-query.dto';
import type { TrendingDto, TrendingMoverDto } from './dto/trending.dto';

const COMMODITY_SET: ReadonlySet<string> = new Set(COMMODITY_CATEGORIES);

function last<T>(values: readonly T[]): T | null {
  return values.length === 0 ? null : values[values.length - 1];
}

/** Read side of the commodity API: latest prices joined with what the daily bars say. */
@Injectable()
export class CommoditiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly quotes: CommodityQuotesRepository,
    private readonly bars: CommodityBarsRepository,
    private readonly config: MarketDataConfig,
  ) {}

  async overview(): Promise<CommodityOverviewDto> {
    const rows = await this.quotes.forCategories(this.dataSource.manager, COMMODITY_CATEGORIES);
    const quotes = rows.map((row) => this.toQuote(row));
    return {
      categories: COMMODITY_CATEGORIES.map((category) =>
        summarise(
          category,
          quotes.filter((quote) => quote.category === category),
        ),
      ),
    };
  }

  async group(group: CommodityGroup): Promise<CommodityGroupDto> {
    const categories = COMMODITY_GROUPS[group];
    // Two queries for the whole group: quotes, then the bars of every symbol (the longest year of bars, a
    // 24/7 market's, covers every 52-week range).
    const rows = await this.quotes.forCategories(this.dataSource.manager, categories);
    const bars = await this.bars.forCategories(this.dataSource.manager, categories, CALENDAR_DAYS.year);
    return {
      group,
      categories: [...categories],
      instruments: rows.map((row) => this.toPerformance(row, bars.get(row.symbol) ?? [])),
    };
  }

  async commodityConfig(): Promise<CommodityConfigDto[]> {
    const instruments = await this.catalogue.list();
    return instruments
      .filter((instrument) => COMMODITY_SET.has(instrument.category))
      .map((instrument) => ({
        symbol: instrument.symbol,
        name: instrument.name,
        category: instrument.category as CommodityCategory,
        unit: instrument.unit,
        currency: instrument.currency,
        calendar: instrument.calendar,
        providerSymbols: instrument.providerSymbols,
        enabled: instrument.enabled,
      }));
  }

  async trending(query: TrendingQueryDto): Promise<TrendingDto> {
    const window = query.window ?? '1d';
    const limit = query.limit ?? 5;
    const back = TRENDING_WINDOWS[window];
    const instruments = (await this.catalogue.enabled()).filter((instrument) =>
      COMMODITY_SET.has(instrument.category),
    );
    const bars = await this.bars.forCategories(this.dataSource.manager, COMMODITY_CATEGORIES, back + 1);
    const movers: TrendingMoverDto[] = [];
    for (const instrument of instruments) {
      const series = bars.get(instrument.symbol) ?? [];
      const change = last(
        percentChange(
          series.map((bar) => bar.close),
          back,
        ),
      );
      const bar = last(series);
      if (change === null || bar === null) continue;
      movers.push({
        symbol: instrument.symbol,
        name: instrument.name,
        category: instrument.category as CommodityCategory,
        date: bar.date,
        close: roundOutput(bar.close, instrument.priceDecimals)!,
        changePercent: roundOutput(change, PERCENT_PLACES)!,
      });
    }
    // Ties fall back to the symbol so the order is stable from one call to the next.
    const byChange = (a: TrendingMoverDto, b: TrendingMoverDto) =>
      compareDecimals(a.changePercent, b.changePercent) || a.symbol.localeCompare(b.symbol);
    return {
      window,
      bars: back,
      gainers: movers
        .filter((mover) => compareDecimals(mover.changePercent, '0') > 0)
        .sort((a, b) => byChange(b, a))
        .slice(0, limit),
      losers: movers
        .filter((mover) => compareDecimals(mover.changePercent, '0') < 0)
        .sort(byChange)
        .slice(0, limit),
    };
  }

  private toQuote(row: CommodityQuoteRow): CommodityQuoteDto {
    const price = roundOutput(row.price, row.price_decimals);
    const previousClose = roundOutput(row.previous_close, row.price_decimals);
    return {
      symbol: row.symbol,
      name: row.name,
      category: row.category,
      unit: row.unit,
      currency: row.currency,
      price,
      asOf: row.as_of?.toISOString() ?? null,
      source: row.source,
      previousClose,
      // From the stored values, not the rounded ones: the rounding is for display only.
      changePercent: percentFrom(row.previous_close, row.price),
      synthetic: row.synthetic,
      stale: row.as_of === null || Date.now() - row.as_of.getTime() > this.config.PRICE_STALE_AFTER_MS,
    };
  }

  private toPerformance(row: CommodityQuoteRow, bars: readonly DailyBar[]): CommodityPerformanceDto {
    const closes = bars.map((bar) => bar.close);
    const windows = indicatorWindows(row.calendar);
    const range = rangePosition(
      bars.map((bar) => bar.high),
      bars.map((bar) => bar.low),
      closes,
      windows.year,
    );
    return {
      ...this.toQuote(row),
      barDate: last(bars)?.date ?? null,
      momentum1m: roundOutput(last(percentChange(closes, windows.oneMonth)), PERCENT_PLACES),
      momentum3m: roundOutput(last(percentChange(closes, windows.threeMonths)), PERCENT_PLACES),
      high52: roundOutput(last(range.high), row.price_decimals),
      low52: roundOutput(last(range.low), row.price_decimals),
    };
  }
}

function summarise(category: CommodityCategory, quotes: CommodityQuoteDto[]): CommodityCategoryOverviewDto {
  const moving = quotes
    .filter((quote): quote is CommodityQuoteDto & { changePercent: string } => quote.changePercent !== null)
    .sort((a, b) => compareDecimals(a.changePercent, b.changePercent) || a.symbol.localeCompare(b.symbol));
  const mover = (quote: (typeof moving)[number] | undefined) =>
    quote ? { symbol: quote.symbol, changePercent: quote.changePercent } : null;
  return {
    category,
    count: quotes.length,
    averageChangePercent: meanPercent(moving.map((quote) => quote.changePercent)),
    best: mover(moving[moving.length - 1]),
    worst: mover(moving[0]),
    instruments: quotes,
  };
}
