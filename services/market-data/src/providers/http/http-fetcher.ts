import type { CircuitBreaker } from '../resilience/circuit-breaker';
import type { RetryPolicy } from '../resilience/retry-policy';
import type { RequestPriority, TokenBucket } from '../resilience/token-bucket';
import { ProviderError, type ProviderFailure } from './provider-error';

export interface HttpFetcherOptions {
  provider: string;
  timeoutMs: number;
  bucket: TokenBucket;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  /** Told every call's outcome (`ok` or a failure kind), for the metrics. */
  onOutcome?: (provider: string, outcome: 'ok' | ProviderFailure) => void;
  /** Told of each value a provider sent that is not a number (the rest of its answer is still used). */
  onMalformedValue?: (provider: string) => void;
  /**
   * How long a background request may wait, in all, for a token above the live reserve (0: not at all);
   * it gives up sooner when its deadline would pass.
   */
  backgroundMaxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A 429 without Retry-After: stay away this long. */
const DEFAULT_BACKOFF_MS = 60_000;

/**
 * One provider's way out to HTTP: circuit breaker first (fail fast while the provider is down), then per
 * attempt a token from the bucket, a request bounded by an AbortSignal timeout, and the provider's parser.
 * Timeouts, network errors and 5xx are retried with backoff; 4xx, malformed bodies and rate limits are not
 * (the same request would fail the same way). A rate limit (our bucket or the provider's 429) leaves the
 * breaker alone: it says nothing about the provider's health.
 */
export class HttpFetcher {
  constructor(private readonly options: HttpFetcherOptions) {}

  get provider(): string {
    return this.options.provider;
  }

  /**
   * GETs `url` and hands the body to `parse`, which throws a ProviderError when the body is unusable.
   * `cost` tokens are taken from the bucket per attempt, at `priority`. A background request waits for its
   * tokens (up to backgroundMaxWaitMs, and not past `deadline`) rather than fail at once: an import would
   * otherwise get through the same first instruments every day and never the rest.
   */
  async get<T>(
    url: URL,
    parse: (body: string) => T,
    cost = 1,
    priority: RequestPriority = 'live',
    deadline?: Date,
  ): Promise<T> {
    const { provider, breaker, retry } = this.options;
    // History (background) says nothing about the live quotes' health, another endpoint with a bigger
    // answer: it goes only while the circuit is closed, never takes the half-open trial (it may wait long
    // for tokens holding it) and never moves the breaker either way.
    const background = priority === 'background';
    if (background ? breaker.state !== 'closed' : !breaker.tryAcquire()) {
      this.report('circuit-open');
      throw new ProviderError(provider, 'circuit-open', 'circuit open, not calling');
    }
    try {
      const result = await retry.run(
        () => this.attempt(url, parse, cost, priority, deadline),
        (error) => error instanceof ProviderError && error.retryable,
      );
      if (!background) breaker.onSuccess();
      this.report('ok');
      return result;
    } catch (error) {
      const failure = error instanceof ProviderError ? error.failure : 'network';
      if (!background) {
        if (failure === 'rate-limited') breaker.onNeutral();
        else breaker.onFailure();
      }
      this.report(failure);
      throw error;
    }
  }

  /** Tokens from the bucket; a background request waits for them within its bounds. */
  private async take(cost: number, priority: RequestPriority, deadline: Date | undefined): Promise<boolean> {
    const { bucket, backgroundMaxWaitMs = 0, sleep = defaultSleep } = this.options;
    let waited = 0;
    while (!bucket.tryTake(cost, priority)) {
      if (priority !== 'background') return false;
      const wait = bucket.msUntil(cost, priority);
      const left = deadline ? deadline.getTime() - Date.now() : Infinity;
      if (wait + waited > backgroundMaxWaitMs || wait > left) return false;
      await sleep(wait);
      waited += wait;
    }
    return true;
  }

  /** One value of an otherwise good answer was not a number: it is dropped, and counted here. */
  malformedValue(): void {
    this.options.onMalformedValue?.(this.options.provider);
  }

  /** The provider's own rate-limit answer in a 200 body (Twelve Data does this): back off like a 429. */
  rateLimited(message: string, retryAfterMs = DEFAULT_BACKOFF_MS): ProviderError {
    this.options.bucket.blockFor(retryAfterMs);
    return new ProviderError(this.options.provider, 'rate-limited', message);
  }

  private async attempt<T>(
    url: URL,
    parse: (body: string) => T,
    cost: number,
    priority: RequestPriority,
    deadline: Date | undefined,
  ): Promise<T> {
    const { provider, timeoutMs } = this.options;
    if (!(await this.take(cost, priority, deadline))) {
      throw new ProviderError(
        provider,
        'rate-limited',
        priority === 'live'
          ? 'request budget spent (token bucket empty)'
          : 'request budget spent but for the share kept for live quotes',
      );
    }
    let status: number;
    let body: string;
    let retryAfter: string | null;
    try {
      // The signal bounds the whole exchange, body included: a server that stalls mid-body times out too.
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      body = await response.text();
    } catch (error) {
      // A DOMException, and not always from this realm's Error: tell it by name.
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ProviderError(provider, 'timeout', `no answer within ${timeoutMs} ms`, true);
      }
      throw new ProviderError(
        provider,
        'network',
        error instanceof Error ? error.message : String(error),
        true,
      );
    }
    if (status === 429) throw this.rateLimited('HTTP 429', retryAfterMs(retryAfter));
    if (status >= 500) throw new ProviderError(provider, 'http', `HTTP ${status}`, true);
    if (status >= 400) throw new ProviderError(provider, 'http', `HTTP ${status}: ${body.slice(0, 200)}`);
    return parse(body);
  }

  private report(outcome: 'ok' | ProviderFailure): void {
    this.options.onOutcome?.(this.options.provider, outcome);
  }
}

/** Retry-After in seconds (the form these providers use); anything else falls back to the default. */
function retryAfterMs(header: string | null): number {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_BACKOFF_MS;
}
