import { Logger } from '@nestjs/common';
import { parse as parseCsv } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import type { Instrument } from '../catalogue/instrument.entity';
import type { DailyBarRow } from '../history/daily-bar-row';
import { throwIfEveryBatchFailed } from './http/every-batch-failed';
import type { HttpFetcher } from './http/http-fetcher';
import { malformed } from './http/provider-error';
import { providerPrice } from './http/provider-price';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';
import { stooqQuoteTime } from './stooq-quote-time';

export const STOOQ = 'stooq';
/** Symbols per quote request: Stooq takes a `+`-joined list; a short URL keeps one bad symbol's damage small. */
const BATCH = 20;
/** PROVIDER_MAX_QUOTE_AGE_MS's default: a long weekend's Friday close is still the latest price. */
export const DEFAULT_MAX_QUOTE_AGE_MS = 4 * 24 * 60 * 60 * 1000;

type CsvRow = Record<string, string>;

/**
 * Stooq's free CSV endpoints: `/q/l/` for the latest quote of several symbols (`s=xauusd+aapl.us`,
 * `f=sd2t2ohlcv`: symbol, date, time, OHLC, volume) and `/q/d/l/` for one symbol's daily bars. A symbol
 * Stooq does not know comes back as a row of `N/D`; a spent daily allowance as a plain-text notice.
 * A quote is as of its own date and time, and one older than `maxQuoteAgeMs` (a delisted symbol, a feed
 * stuck for days) is left unanswered for the next tier rather than stored as a fresh price.
 */
export class StooqProvider implements PriceProvider {
  readonly name = STOOQ;
  private readonly logger = new Logger(StooqProvider.name);

  constructor(
    private readonly baseUrl: string,
    private readonly fetcher: HttpFetcher,
    private readonly maxQuoteAgeMs = DEFAULT_MAX_QUOTE_AGE_MS,
  ) {}

  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    const bySymbol = new Map<string, Instrument>();
    for (const { instrument } of requests) {
      const mapped = instrument.providerSymbols.stooq;
      if (mapped) bySymbol.set(mapped.toLowerCase(), instrument);
    }
    const symbols = [...bySymbol.keys()];
    const quotes: PriceQuote[] = [];
    const failures: unknown[] = [];
    for (let start = 0; start < symbols.length; start += BATCH) {
      const url = new URL('/q/l/', this.baseUrl);
      // `+` is Stooq's list separator; URLSearchParams writes a space as `+`.
      url.searchParams.set('s', symbols.slice(start, start + BATCH).join(' '));
      url.searchParams.set('f', 'sd2t2ohlcv');
      url.searchParams.set('h', '');
      url.searchParams.set('e', 'csv');
      let rows: CsvRow[];
      try {
        rows = await this.fetcher.get(url, (body) =>
          this.parseCsv(body, ['Symbol', 'Date', 'Time', 'Close']),
        );
      } catch (error) {
        // This batch falls through to the next tier; the other batches are still asked.
        this.logger.warn({ msg: 'stooq quotes failed', error: (error as Error).message });
        failures.push(error);
        continue;
      }
      const asked = new Set(symbols.slice(start, start + BATCH));
      for (const row of rows) {
        // A row for a symbol not (or no longer) asked in this batch would quote a symbol twice.
        const symbol = row.Symbol.toLowerCase();
        const instrument = bySymbol.get(symbol);
        if (!instrument || !asked.delete(symbol) || row.Close === 'N/D') continue;
        const price = providerPrice(row.Close, instrument);
        const quotedAt = stooqQuoteTime(row.Date, row.Time);
        if (price === undefined || quotedAt === undefined) {
          this.fetcher.malformedValue();
          this.logger.warn({
            msg: 'stooq row malformed, ignored',
            symbol: instrument.symbol,
            close: row.Close,
            date: row.Date,
            time: row.Time,
          });
          continue;
        }
        if (asOf.getTime() - quotedAt.getTime() > this.maxQuoteAgeMs) {
          this.logger.warn({
            msg: 'stooq quote too old, left to the next tier',
            symbol: instrument.symbol,
            quotedAt: quotedAt.toISOString(),
          });
          continue;
        }
        quotes.push({
          symbol: instrument.symbol,
          price,
          currency: instrument.currency,
          // A quote stamped after the slot being priced (a late or replayed tick) is the slot's price.
          asOf: quotedAt.getTime() > asOf.getTime() ? asOf : quotedAt,
          source: STOOQ,
          synthetic: false,
        });
      }
    }
    throwIfEveryBatchFailed(STOOQ, Math.ceil(symbols.length / BATCH), failures);
    return quotes;
  }

  /** Daily bars of one instrument between two UTC days (inclusive), oldest first; none when Stooq has none. */
  async dailyHistory(
    instrument: Instrument,
    from: string,
    to: string,
    deadline?: Date,
  ): Promise<DailyBarRow[]> {
    const mapped = instrument.providerSymbols.stooq;
    if (!mapped) return [];
    const url = new URL('/q/d/l/', this.baseUrl);
    url.searchParams.set('s', mapped.toLowerCase());
    url.searchParams.set('d1', from.replaceAll('-', ''));
    url.searchParams.set('d2', to.replaceAll('-', ''));
    url.searchParams.set('i', 'd');
    // History is bulk work the import can redo tomorrow: it must not take the live quotes' budget.
    const rows = await this.fetcher.get(
      url,
      (body) =>
        body.trim() === 'No data' ? [] : this.parseCsv(body, ['Date', 'Open', 'High', 'Low', 'Close']),
      1,
      'background',
      deadline,
    );
    const bars: DailyBarRow[] = [];
    for (const row of rows) {
      const [open, high, low, close] = [row.Open, row.High, row.Low, row.Close].map((value) =>
        providerPrice(value, instrument),
      );
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(row.Date) ||
        !open ||
        !high ||
        !low ||
        !close ||
        !coherent(open, high, low, close)
      ) {
        throw malformed(STOOQ, `bad daily bar for ${mapped} on '${row.Date}'`);
      }
      bars.push({
        symbol: instrument.symbol,
        date: row.Date,
        open,
        high,
        low,
        close,
        source: STOOQ,
        synthetic: false,
      });
    }
    return bars
      .filter((bar) => bar.date >= from && bar.date <= to)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  private parseCsv(body: string, required: string[]): CsvRow[] {
    if (/exceeded the daily hits limit/i.test(body))
      throw this.fetcher.rateLimited('daily hits limit exceeded');
    let rows: CsvRow[];
    try {
      rows = parseCsv(body, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw malformed(STOOQ, `not CSV: ${(error as Error).message}`);
    }
    const header = rows.length > 0 ? Object.keys(rows[0]) : [];
    const missing = required.filter((column) => !header.includes(column));
    if (rows.length > 0 && missing.length > 0) throw malformed(STOOQ, `CSV lacks ${missing.join(', ')}`);
    if (rows.length === 0 && !/^\s*\w+(,\w+)+\s*$/.test(body))
      throw malformed(STOOQ, 'empty or non-CSV body');
    return rows;
  }
}

function coherent(open: string, high: string, low: string, close: string): boolean {
  const [o, h, l, c] = [open, high, low, close].map((value) => new Decimal(value));
  return l.gt(0) && h.gte(Decimal.max(o, c)) && l.lte(Decimal.min(o, c));
}
