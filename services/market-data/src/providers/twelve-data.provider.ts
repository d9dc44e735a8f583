import { Logger } from '@nestjs/common';
import type { Instrument } from '../catalogue/instrument.entity';
import { throwIfEveryBatchFailed } from './http/every-batch-failed';
import type { HttpFetcher } from './http/http-fetcher';
import { ProviderError, malformed } from './http/provider-error';
import { providerPrice } from './http/provider-price';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';

export const TWELVE_DATA = 'twelvedata';

interface ErrorBody {
  code: number;
  message: string;
  status: 'error';
}

/**
 * Twelve Data (needs an API key): `/price?symbol=AAPL,EUR/USD&apikey=…`. One symbol answers
 * `{"price":"183.05"}`, several answer `{"AAPL":{"price":"…"},"EUR/USD":{…}}`, and errors come as
 * `{"code":…,"message":…,"status":"error"}` — for the whole request (often with HTTP 200, e.g. code 429
 * when the minute's credits are spent) or per symbol inside a batch. Each symbol costs one credit, so a
 * batch takes that many tokens from the bucket.
 */
export class TwelveDataProvider implements PriceProvider {
  readonly name = TWELVE_DATA;
  private readonly logger = new Logger(TwelveDataProvider.name);

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly batchSize: number,
    private readonly fetcher: HttpFetcher,
  ) {}

  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    const bySymbol = new Map<string, Instrument>();
    for (const { instrument } of requests) {
      const mapped = instrument.providerSymbols.twelvedata;
      if (mapped) bySymbol.set(mapped, instrument);
    }
    const symbols = [...bySymbol.keys()];
    const quotes: PriceQuote[] = [];
    const failures: unknown[] = [];
    for (let start = 0; start < symbols.length; start += this.batchSize) {
      const batch = symbols.slice(start, start + this.batchSize);
      const url = new URL('price', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
      url.searchParams.set('symbol', batch.join(','));
      url.searchParams.set('apikey', this.apiKey);
      let prices: Map<string, unknown>;
      try {
        prices = await this.fetcher.get(url, (body) => this.parse(body, batch), batch.length);
      } catch (error) {
        this.logger.warn({ msg: 'twelve data prices failed', error: (error as Error).message });
        failures.push(error);
        continue;
      }
      for (const [symbol, raw] of prices) {
        const instrument = bySymbol.get(symbol)!;
        const price = providerPrice(raw, instrument);
        if (price === undefined) {
          this.fetcher.malformedValue();
          this.logger.warn({ msg: 'twelve data price malformed, ignored', symbol: instrument.symbol });
          continue;
        }
        quotes.push({
          symbol: instrument.symbol,
          price,
          currency: instrument.currency,
          asOf,
          source: TWELVE_DATA,
          synthetic: false,
        });
      }
    }
    throwIfEveryBatchFailed(TWELVE_DATA, Math.ceil(symbols.length / this.batchSize), failures);
    return quotes;
  }

  /** The price of each batch symbol Twelve Data answered for; per-symbol errors are logged and left out. */
  private parse(body: string, batch: string[]): Map<string, unknown> {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw malformed(TWELVE_DATA, 'body is not JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw malformed(TWELVE_DATA, 'expected a JSON object');
    }
    if (isError(json)) {
      if (json.code === 429) throw this.fetcher.rateLimited(`code 429: ${json.message}`);
      // Asked alone, a symbol's own error reads like the request's: a symbol Twelve Data does not know (400,
      // 404) is that symbol left out, as in a batch, not a failed request that keeps it from the tick.
      if (batch.length === 1 && (json.code === 400 || json.code === 404)) {
        this.logger.warn({
          msg: 'twelve data symbol error',
          symbol: batch[0],
          code: json.code,
          error: json.message,
        });
        return new Map();
      }
      throw new ProviderError(TWELVE_DATA, 'http', `code ${json.code}: ${json.message}`, json.code >= 500);
    }
    const entries: [string, unknown][] =
      batch.length === 1
        ? [[batch[0], json]]
        : batch.map((symbol) => [symbol, (json as Record<string, unknown>)[symbol]]);
    const prices = new Map<string, unknown>();
    for (const [symbol, entry] of entries) {
      if (entry === undefined) continue;
      if (isError(entry)) {
        this.logger.warn({ msg: 'twelve data symbol error', symbol, code: entry.code, error: entry.message });
        continue;
      }
      if (typeof entry !== 'object' || entry === null || !('price' in entry)) {
        throw malformed(TWELVE_DATA, `no price for ${symbol}`);
      }
      prices.set(symbol, entry.price);
    }
    return prices;
  }
}

function isError(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ErrorBody).status === 'error' &&
    typeof (value as ErrorBody).code === 'number'
  );
}
