import type { Instrument } from '../catalogue/instrument.entity';

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

/** Where prices come from. The offline simulation is the default; HTTP providers come with the market-data issue. */
export interface PriceProvider {
  readonly name: string;
  latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]>;
}

export const PRICE_PROVIDER = Symbol('PRICE_PROVIDER');
