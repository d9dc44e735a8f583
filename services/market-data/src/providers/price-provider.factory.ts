import { Logger } from '@nestjs/common';
import { MarketDataConfig, providerOrder } from '../market-data.config';
import { HttpFetcher } from './http/http-fetcher';
import { FrankfurterProvider } from './frankfurter.provider';
import type { PriceProvider } from './price-provider';
import { usableProviders } from './provider-coverage';
import type { ProviderMetrics } from './provider-metrics';
import { CircuitBreaker } from './resilience/circuit-breaker';
import { systemClock, type Clock } from './resilience/clock';
import { RetryPolicy } from './resilience/retry-policy';
import { TokenBucket } from './resilience/token-bucket';
import type { SimulatedPriceProvider } from './simulated-price.provider';
import { StooqProvider } from './stooq.provider';
import { TieredPriceProvider } from './tiered-price.provider';
import { TwelveDataProvider } from './twelve-data.provider';

/** Twelve Data credits per batch request: its free plan's whole minute. */
const TWELVE_DATA_BATCH = 8;

/**
 * The PRICE_PROVIDER of the app: the providers MARKET_DATA_PROVIDERS names, in its order, each HTTP one
 * with its own bucket, breaker and retry policy. A lone `simulated` is used as it is (offline, it answers
 * every symbol whatever its provider order).
 */
export function createPriceProvider(
  config: MarketDataConfig,
  metrics: ProviderMetrics,
  simulated: SimulatedPriceProvider,
  clock: Clock = systemClock,
): PriceProvider {
  const logger = new Logger('PriceProviders');
  const fetcher = (provider: string, perMinute: number) => {
    const breaker = new CircuitBreaker(
      { failureThreshold: config.PROVIDER_BREAKER_FAILURES, openMs: config.PROVIDER_BREAKER_OPEN_MS },
      clock,
    );
    metrics.watch(provider, breaker);
    return new HttpFetcher({
      provider,
      timeoutMs: config.PROVIDER_TIMEOUT_MS,
      bucket: TokenBucket.perMinute(perMinute, clock),
      breaker,
      retry: new RetryPolicy({
        attempts: config.PROVIDER_RETRY_ATTEMPTS,
        baseDelayMs: config.PROVIDER_RETRY_BASE_MS,
        maxDelayMs: config.PROVIDER_RETRY_MAX_MS,
      }),
      onOutcome: (name, outcome) => metrics.record(name, outcome),
      onMalformedValue: (name) => metrics.malformedValues.inc({ provider: name }),
      backgroundMaxWaitMs: config.PROVIDER_BACKGROUND_MAX_WAIT_MS,
    });
  };
  if (providerOrder(config).includes('twelvedata') && !config.TWELVE_DATA_API_KEY) {
    logger.warn({
      msg: 'twelvedata is listed in MARKET_DATA_PROVIDERS but has no TWELVE_DATA_API_KEY: skipped',
    });
  }
  // The same list the catalogue checks provider orders against.
  const usable = usableProviders(config);
  if (!providerOrder(config).some((name) => usable.includes(name))) {
    logger.warn({ msg: 'no usable price provider configured; falling back to the simulation' });
  }
  const tiers: PriceProvider[] = [];
  for (const name of usable) {
    switch (name) {
      case 'simulated':
        tiers.push(simulated);
        break;
      case 'stooq':
        tiers.push(
          new StooqProvider(
            config.STOOQ_BASE_URL,
            fetcher(name, config.STOOQ_REQUESTS_PER_MINUTE),
            config.PROVIDER_MAX_QUOTE_AGE_MS,
          ),
        );
        break;
      case 'frankfurter':
        tiers.push(
          new FrankfurterProvider(
            config.FRANKFURTER_BASE_URL,
            fetcher(name, config.FRANKFURTER_REQUESTS_PER_MINUTE),
          ),
        );
        break;
      case 'twelvedata':
        tiers.push(
          new TwelveDataProvider(
            config.TWELVE_DATA_BASE_URL,
            config.TWELVE_DATA_API_KEY!,
            Math.min(TWELVE_DATA_BATCH, config.TWELVE_DATA_CREDITS_PER_MINUTE),
            fetcher(name, config.TWELVE_DATA_CREDITS_PER_MINUTE),
          ),
        );
        break;
    }
  }
  logger.log({ msg: 'price providers', order: tiers.map((tier) => tier.name) });
  // Even one HTTP provider is tiered: an instrument's own provider order may leave it out.
  return tiers.length === 1 && tiers[0] === simulated ? simulated : new TieredPriceProvider(tiers);
}
