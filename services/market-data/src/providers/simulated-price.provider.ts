import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { MarketDataConfig } from '../market-data.config';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';
import { seededStandardNormal } from './seeded-random';

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
/** A gap longer than this (the service was off) moves the price as if only this much time had passed. */
const MAX_STEP_MS = 24 * 60 * 60 * 1000;

/**
 * The offline default: a geometric random walk per symbol, continuing from the last stored price, with
 * the instrument's annualised volatility. The random factor is a float (it is randomness, not money);
 * the price itself is computed and rounded in decimal.
 */
@Injectable()
export class SimulatedPriceProvider implements PriceProvider {
  readonly name = 'simulated';

  constructor(private readonly config: MarketDataConfig) {}

  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    return requests.map(({ instrument, previous }) => {
      const start = new Decimal(previous?.price ?? instrument.referencePrice);
      const stepMs = previous
        ? Math.min(MAX_STEP_MS, Math.max(0, asOf.getTime() - previous.asOf.getTime()))
        : 0;
      const sigma = Number(instrument.annualVolatility);
      const dt = stepMs / YEAR_MS;
      const z = seededStandardNormal(this.config.PRICE_SIMULATION_SEED, instrument.symbol, asOf.getTime());
      const factor = Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * z);
      const minimum = new Decimal(1).dividedBy(new Decimal(10).pow(instrument.priceDecimals));
      const price = Decimal.max(start.times(factor), minimum).toDecimalPlaces(instrument.priceDecimals);
      return {
        symbol: instrument.symbol,
        price: price.toFixed(instrument.priceDecimals),
        currency: instrument.currency,
        asOf,
        source: this.name,
        synthetic: true,
      };
    });
  }
}
