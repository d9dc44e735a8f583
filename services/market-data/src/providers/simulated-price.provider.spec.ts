import Decimal from 'decimal.js';
import type { Instrument } from '../catalogue/instrument.entity';
import { MarketDataConfig } from '../market-data.config';
import { SimulatedPriceProvider } from './simulated-price.provider';

const gold = {
  symbol: 'XAUUSD',
  currency: 'USD',
  referencePrice: '4228.00000000',
  annualVolatility: '0.1600',
  priceDecimals: 2,
} as Instrument;

function provider(seed: number): SimulatedPriceProvider {
  return new SimulatedPriceProvider(Object.assign(new MarketDataConfig(), { PRICE_SIMULATION_SEED: seed }));
}

describe(SimulatedPriceProvider.name, () => {
  const at = new Date('2026-11-23T09:00:05.000Z');
  const previous = { price: '4228.00', asOf: new Date('2026-11-23T09:00:00.000Z') };

  it('starts from the reference price', async () => {
    const [quote] = await provider(42).latestQuotes([{ instrument: gold }], at);
    expect(quote).toMatchObject({
      symbol: 'XAUUSD',
      price: '4228.00',
      currency: 'USD',
      source: 'simulated',
      synthetic: true,
    });
  });

  it('is reproducible: the same seed and instants give the same prices, another seed others', async () => {
    const walk = async (seed: number) => {
      const sut = provider(seed);
      let last = previous;
      const prices: string[] = [];
      for (let step = 1; step <= 50; step++) {
        const asOf = new Date(previous.asOf.getTime() + step * 5000);
        const [quote] = await sut.latestQuotes([{ instrument: gold, previous: last }], asOf);
        prices.push(quote.price);
        last = { price: quote.price, asOf };
      }
      return prices;
    };
    expect(await walk(42)).toEqual(await walk(42));
    expect(await walk(42)).not.toEqual(await walk(7));
  });

  it('moves by about the instrument volatility scaled to the step', async () => {
    const sut = provider(1);
    const moves: number[] = [];
    for (let step = 0; step < 2000; step++) {
      const asOf = new Date(at.getTime() + step * 86_400_000);
      const [quote] = await sut.latestQuotes(
        [{ instrument: gold, previous: { price: '4228.00', asOf: new Date(asOf.getTime() - 86_400_000) } }],
        asOf,
      );
      moves.push(Math.log(Number(quote.price) / 4228));
    }
    const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
    const dailyVol = Math.sqrt(moves.reduce((a, b) => a + (b - mean) ** 2, 0) / (moves.length - 1));
    const annualised = dailyVol * Math.sqrt(365.25);
    expect(annualised).toBeGreaterThan(0.14);
    expect(annualised).toBeLessThan(0.18);
  });

  it('rounds to the instrument precision, in decimal', async () => {
    const [quote] = await provider(3).latestQuotes([{ instrument: gold, previous }], at);
    expect(quote.price).toMatch(/^\d+\.\d{2}$/);
    expect(new Decimal(quote.price).decimalPlaces()).toBeLessThanOrEqual(2);
  });
});
