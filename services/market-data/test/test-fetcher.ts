import { HttpFetcher } from '../src/providers/http/http-fetcher';
import { CircuitBreaker } from '../src/providers/resilience/circuit-breaker';
import { RetryPolicy } from '../src/providers/resilience/retry-policy';
import { TokenBucket } from '../src/providers/resilience/token-bucket';
import { StooqProvider } from '../src/providers/stooq.provider';
import { TieredPriceProvider } from '../src/providers/tiered-price.provider';
import { TwelveDataProvider } from '../src/providers/twelve-data.provider';

export interface TestFetcherOptions {
  /** Tries per request (default 1: no retry). */
  attempts?: number;
  /** Failures before the circuit opens (default 5). */
  failureThreshold?: number;
  onMalformedValue?: (provider: string) => void;
}

/**
 * An HttpFetcher for provider specs against the replay server: a budget no spec exhausts and retries that
 * do not wait. A spec about the budget, the retries or the clock builds its own (http-providers' harness).
 */
export function testFetcher(provider: string, options: TestFetcherOptions = {}): HttpFetcher {
  return new HttpFetcher({
    provider,
    timeoutMs: 10_000,
    bucket: TokenBucket.perMinute(600),
    breaker: new CircuitBreaker({ failureThreshold: options.failureThreshold ?? 5, openMs: 60_000 }),
    retry: new RetryPolicy({ attempts: options.attempts ?? 1, baseDelayMs: 1, maxDelayMs: 1 }),
    onMalformedValue: options.onMalformedValue,
  });
}

/** Stooq, then Twelve Data (demo key, 8 credits a minute), both on the replay server at `url`. */
export function stooqThenTwelveData(url: string, options: TestFetcherOptions = {}): TieredPriceProvider {
  return new TieredPriceProvider([
    new StooqProvider(url, testFetcher('stooq', options)),
    new TwelveDataProvider(url, 'demo-key', 8, testFetcher('twelvedata', options)),
  ]);
}
