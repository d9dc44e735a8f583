import { Logger } from '@nestjs/common';
import type { Instrument } from '../catalogue/instrument.entity';
import { throwIfEveryBatchFailed } from './http/every-batch-failed';
import type { HttpFetcher } from './http/http-fetcher';
import { malformed } from './http/provider-error';
import { providerPrice } from './http/provider-price';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';

export const FRANKFURTER = 'frankfurter';

interface LatestRates {
  base: string;
  date: string;
  rates: Record<string, unknown>;
}

/**
 * Frankfurter (ECB reference rates, no key): `/latest?from=EUR&to=USD,GBP` answers
 * `{"amount":1.0,"base":"EUR","date":"…","rates":{"USD":1.0772,…}}`. It lists FX pairs only, and needs no
 * catalogue mapping: an FX instrument's unit is its base currency and its currency the quote currency
 * (EURUSD = USD per EUR). One request per base currency. ECB has no crypto, so BTC and ETH fall through.
 */
export class FrankfurterProvider implements PriceProvider {
  readonly name = FRANKFURTER;
  private readonly logger = new Logger(FrankfurterProvider.name);

  constructor(
    private readonly baseUrl: string,
    private readonly fetcher: HttpFetcher,
  ) {}

  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    const byBase = new Map<string, Instrument[]>();
    for (const { instrument } of requests) {
      if (instrument.category !== 'fx' || !/^[A-Z]{3}$/.test(instrument.unit)) continue;
      byBase.set(instrument.unit, [...(byBase.get(instrument.unit) ?? []), instrument]);
    }
    const quotes: PriceQuote[] = [];
    const failures: unknown[] = [];
    for (const [base, instruments] of byBase) {
      const url = new URL('latest', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
      url.searchParams.set('from', base);
      url.searchParams.set('to', instruments.map((instrument) => instrument.currency).join(','));
      let latest: LatestRates;
      try {
        latest = await this.fetcher.get(url, parseLatest);
      } catch (error) {
        this.logger.warn({ msg: 'frankfurter rates failed', base, error: (error as Error).message });
        failures.push(error);
        continue;
      }
      for (const instrument of instruments) {
        const raw = latest.rates[instrument.currency];
        if (raw === undefined) continue;
        const price = providerPrice(raw, instrument);
        if (price === undefined) {
          this.fetcher.malformedValue();
          this.logger.warn({ msg: 'frankfurter rate malformed, ignored', symbol: instrument.symbol });
          continue;
        }
        quotes.push({
          symbol: instrument.symbol,
          price,
          currency: instrument.currency,
          asOf,
          source: FRANKFURTER,
          synthetic: false,
        });
      }
    }
    throwIfEveryBatchFailed(FRANKFURTER, byBase.size, failures);
    return quotes;
  }
}

function parseLatest(body: string): LatestRates {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformed(FRANKFURTER, 'body is not JSON');
  }
  const value = json as Partial<LatestRates> | null;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.base !== 'string' ||
    typeof value.rates !== 'object' ||
    value.rates === null ||
    Array.isArray(value.rates)
  ) {
    throw malformed(FRANKFURTER, 'expected {base, date, rates}');
  }
  return value as LatestRates;
}
