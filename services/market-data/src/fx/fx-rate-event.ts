import type { FxRateUpdatedV1, PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Instrument } from '../catalogue/instrument.entity';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The `fx.rate.updated` twin of an FX instrument's price: the catalogue keeps the base currency in `unit`
 * and the quote in `currency` (EURUSD: unit EUR, currency USD). Anything else, or an FX row whose unit is
 * not a currency code, gives nothing rather than an event the contract would refuse.
 */
export function fxRateEvent(instrument: Instrument, price: PriceUpdatedV1): FxRateUpdatedV1 | undefined {
  if (instrument.category !== 'fx') return undefined;
  const base = instrument.unit;
  const quote = price.currency;
  if (!CURRENCY.test(base) || !CURRENCY.test(quote) || base === quote) return undefined;
  return {
    pair: `${base}${quote}`,
    base,
    quote,
    rate: price.price,
    asOf: price.asOf,
    source: price.source,
    synthetic: price.synthetic,
  };
}
