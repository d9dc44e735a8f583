import type { Instrument } from '../catalogue/instrument.entity';
import { providerOrder, type MarketDataConfig, type PriceProviderName } from '../market-data.config';

/** What decides whether a provider can quote an instrument at all. */
export type Coverable = Pick<Instrument, 'category' | 'unit' | 'providerSymbols'>;

/**
 * The providers this deployment really asks, in the configured order: MARKET_DATA_PROVIDERS less Twelve
 * Data without an API key (the factory skips it); the simulation alone when nothing is left, as the
 * factory falls back to it.
 */
export function usableProviders(config: MarketDataConfig): PriceProviderName[] {
  const usable = [...new Set(providerOrder(config))].filter(
    (name) => name !== 'twelvedata' || Boolean(config.TWELVE_DATA_API_KEY),
  );
  return usable.length > 0 ? usable : ['simulated'];
}

/**
 * Why `provider` cannot quote `instrument`, or undefined when it can: Stooq and Twelve Data only with a
 * symbol of theirs, Frankfurter only an fx pair of ISO currencies (as the providers themselves filter).
 * A name no rule is known for (the simulation, a test's fake) can answer anything.
 */
export function cannotQuote(provider: string, instrument: Coverable): string | undefined {
  switch (provider) {
    case 'stooq':
    case 'twelvedata':
      return instrument.providerSymbols?.[provider] ? undefined : `no providerSymbols.${provider}`;
    case 'frankfurter':
      return instrument.category === 'fx' && /^[A-Z]{3}$/.test(instrument.unit)
        ? undefined
        : 'answers fx pairs only';
    default:
      return undefined;
  }
}
