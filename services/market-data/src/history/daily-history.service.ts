import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { DailyHistoryDto } from '../prices/dto/daily-history.dto';
import type { HistoryQueryDto } from '../prices/dto/history-query.dto';
import { addDays, isoDate } from './trading-days';

interface BarRow {
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  source: string;
  synthetic: boolean;
}

/** Read side of daily bars for the HTTP API. */
@Injectable()
export class DailyHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  async history(symbol: string, query: HistoryQueryDto): Promise<DailyHistoryDto> {
    const instrument = await this.catalogue.require(symbol);
    // Bars are UTC days: an instant names the UTC day it falls on.
    const to = isoDate(query.to ? new Date(query.to) : new Date());
    const from = query.from ? isoDate(new Date(query.from)) : addDays(to, -365);
    if (from > to) throw new BadRequestException(`from (${from}) must not be after to (${to})`);
    const limit = query.limit ?? 1000;
    // `date::text`: node-postgres would turn a date into a local-time Date.
    const rows: BarRow[] = await this.dataSource.query(
      `SELECT date::text AS date, open, high, low, close, source, synthetic FROM daily_bars
        WHERE symbol = $1 AND date BETWEEN $2 AND $3 ORDER BY date LIMIT $4`,
      [instrument.symbol, from, to, limit + 1],
    );
    const decimals = instrument.priceDecimals;
    return {
      symbol: instrument.symbol,
      currency: instrument.currency,
      interval: '1d',
      from,
      to,
      bars: rows.slice(0, limit).map((row) => ({
        date: row.date,
        open: trimDecimal(row.open, decimals),
        high: trimDecimal(row.high, decimals),
        low: trimDecimal(row.low, decimals),
        close: trimDecimal(row.close, decimals),
        source: row.source,
        synthetic: row.synthetic,
      })),
      truncated: rows.length > limit,
    };
  }
}

/** numeric(24,8) comes back with 8 places; real closes keep what the source gave when it is finer. */
function trimDecimal(value: string, decimals: number): string {
  const [whole, fraction = ''] = value.split('.');
  const significant = fraction.replace(/0+$/, '');
  const places = Math.max(decimals, significant.length);
  return places > 0 ? `${whole}.${fraction.padEnd(places, '0').slice(0, places)}` : whole;
}
