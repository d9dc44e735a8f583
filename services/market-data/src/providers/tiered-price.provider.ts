import { Logger } from '@nestjs/common';
import type { Instrument } from '../catalogue/instrument.entity';
import type { DailyBarRow } from '../history/daily-bar-row';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';

/**
 * Providers in order of preference. Each symbol is asked of the first provider; whatever it did not answer
 * (not listed there, an error, an open circuit, a rate limit) is asked of the next, and so on. Each quote
 * keeps the `source` of the provider that gave it. A provider that throws is one that answered nothing:
 * the tick goes on with the next tier.
 */
export class TieredPriceProvider implements PriceProvider {
  readonly name: string;
  private readonly logger = new Logger(TieredPriceProvider.name);

  constructor(private readonly tiers: PriceProvider[]) {
    if (tiers.length === 0) throw new RangeError('at least one provider');
    this.name = tiers.map((tier) => tier.name).join('>');
  }

  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    const answered: PriceQuote[] = [];
    let remaining = requests;
    for (const tier of this.tiers) {
      if (remaining.length === 0) break;
      let quotes: PriceQuote[] = [];
      try {
        quotes = await tier.latestQuotes(remaining, asOf);
      } catch (error) {
        this.logger.warn({
          msg: 'provider failed, next tier answers',
          provider: tier.name,
          error: String(error),
        });
      }
      const asked = new Set(remaining.map((request) => request.instrument.symbol));
      const fresh = quotes.filter((quote) => asked.delete(quote.symbol));
      answered.push(...fresh);
      remaining = remaining.filter((request) => asked.has(request.instrument.symbol));
    }
    if (remaining.length > 0) {
      this.logger.warn({
        msg: 'no provider answered',
        symbols: remaining.map((request) => request.instrument.symbol),
      });
    }
    return answered;
  }

  /** The first tier with history for the instrument answers; a failing tier is passed over like an empty one. */
  async dailyHistory(instrument: Instrument, from: string, to: string): Promise<DailyBarRow[]> {
    for (const tier of this.tiers) {
      if (!tier.dailyHistory) continue;
      try {
        const bars = await tier.dailyHistory(instrument, from, to);
        if (bars.length > 0) return bars;
      } catch (error) {
        this.logger.warn({
          msg: 'provider history failed, next tier answers',
          provider: tier.name,
          symbol: instrument.symbol,
          error: String(error),
        });
      }
    }
    return [];
  }
}
