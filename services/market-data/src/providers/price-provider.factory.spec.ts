import { Logger } from '@nestjs/common';
import { loadConfig } from '@marketpulse/config';
import { MetricsService } from '@marketpulse/observability';
import { MarketDataConfig } from '../market-data.config';
import { createPriceProvider } from './price-provider.factory';
import { ProviderMetrics } from './provider-metrics';
import { SimulatedPriceProvider } from './simulated-price.provider';

function build(env: Record<string, string>) {
  const config = loadConfig(MarketDataConfig, env);
  const simulated = new SimulatedPriceProvider(config);
  const metrics = new MetricsService();
  const sut = createPriceProvider(config, new ProviderMetrics(metrics), simulated);
  return { sut, simulated, metrics };
}

describe(createPriceProvider.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('uses the simulation as it is by default (offline)', () => {
    const { sut, simulated } = build({});
    expect(sut).toBe(simulated);
  });

  it('tiers the providers in the configured order', () => {
    expect(build({ MARKET_DATA_PROVIDERS: 'stooq,frankfurter,simulated' }).sut.name).toBe(
      'stooq>frankfurter>simulated',
    );
    expect(build({ MARKET_DATA_PROVIDERS: 'frankfurter,stooq' }).sut.name).toBe('frankfurter>stooq');
  });

  it('leaves Twelve Data out without a key, and takes it with one', () => {
    expect(build({ MARKET_DATA_PROVIDERS: 'twelvedata,simulated' }).sut.name).toBe('simulated');
    expect(build({ MARKET_DATA_PROVIDERS: 'twelvedata,simulated', TWELVE_DATA_API_KEY: 'k' }).sut.name).toBe(
      'twelvedata>simulated',
    );
  });

  it('reports each HTTP provider circuit as closed at start', async () => {
    const { metrics } = build({ MARKET_DATA_PROVIDERS: 'stooq,simulated' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('marketpulse_provider_circuit_state{provider="stooq",state="closed"} 1');
    expect(text).toContain('marketpulse_provider_circuit_state{provider="stooq",state="open"} 0');
  });

  it('refuses an unknown provider name or a non-URL base, naming the variable', () => {
    expect(() => loadConfig(MarketDataConfig, { MARKET_DATA_PROVIDERS: 'stooq,yahoo' })).toThrow(
      /MARKET_DATA_PROVIDERS must be a comma-separated list of stooq, frankfurter, twelvedata, simulated/,
    );
    expect(() => loadConfig(MarketDataConfig, { STOOQ_BASE_URL: 'stooq.com' })).toThrow(
      /STOOQ_BASE_URL must be an http\(s\) URL/,
    );
  });
});
