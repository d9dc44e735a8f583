import type { Instrument } from '../catalogue/instrument.entity';
import type { DailyBarRow } from '../history/daily-bar-row';

export interface QuoteRequest {
  instrument: Instrument;
  /** The last stored price, when there is one (a simulation continues from it). */
  previous?: { price: string; asOf: Date };
}

export interface PriceQuote {
  symbol: string;
  /** Decimal string, rounded to the instrument's precision. */
  price: string;
  currency: string;
  asOf: Date;
  source: string;
  synthetic: boolean;
}

/**
 * Where prices come from: the offline simulation (the default) or the HTTP providers, in tiers. Quotes for
 * the symbols a provider could not answer are simply missing from its answer; a provider none of whose
 * requests went well throws instead (it failed, rather than had nothing for them).
 */
export interface PriceProvider {
  readonly name: string;
  latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]>;
  /**
   * Observed daily bars of one instrument between two UTC days (inclusive), oldest first; none when the
   * provider has none. Only providers of real history have it (the simulation's history is the backfill).
   * A request waiting for the provider's budget gives up rather than go past `deadline`.
   */
  dailyHistory?(instrument: Instrument, from: string, to: string, deadline?: Date): Promise<DailyBarRow[]>;
}

export const PRICE_PROVIDER = Symbol('PRICE_PROVIDER');
