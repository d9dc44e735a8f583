import type { Instrument, InstrumentCategory, ProviderSymbols } from '../src/catalogue/instrument.entity';
import type { QuoteRequest } from '../src/providers/price-provider';

/** A catalogue row for provider tests: a 24/7 precious metal at 100.00 unless `extra` says otherwise. */
export function testInstrument(
  symbol: string,
  providerSymbols: ProviderSymbols,
  extra: Partial<Instrument> & { category?: InstrumentCategory } = {},
): Instrument {
  return {
    symbol,
    name: symbol,
    category: 'precious-metal',
    unit: 'troy ounce',
    currency: 'USD',
    calendar: '24/7',
    exchangeTimezone: null,
    referencePrice: '100.00',
    annualVolatility: '0.20',
    priceDecimals: 2,
    providerSymbols,
    providerOrder: null,
    enabled: true,
    createdAt: new Date(0),
    ...extra,
  };
}

/** Quote requests for these instruments, as the refresh makes them. */
export const ask = (...instruments: Instrument[]): QuoteRequest[] =>
  instruments.map((one) => ({ instrument: one }));
