export interface RetryOptions {
  /** Total attempts, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** In [0, 1); injected so tests know the jitter. */
  random?: () => number;
  /** Injected so tests record the waits instead of sleeping them. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries with exponential backoff and "equal jitter": before retry n (1-based) it waits between half and all
 * of min(maxDelay, baseDelay · 2^(n−1)). The floor keeps the backoff growing; the random half keeps replicas
 * that failed together from retrying in lockstep.
 */
export class RetryPolicy {
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RetryOptions) {
    if (!Number.isInteger(options.attempts) || options.attempts < 1) throw new RangeError('attempts >= 1');
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? realSleep;
  }

  delayBefore(retry: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  async run<T>(work: (attempt: number) => Promise<T>, retryable: (error: unknown) => boolean): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work(attempt);
      } catch (error) {
        if (attempt >= this.options.attempts || !retryable(error)) throw error;
        await this.sleep(this.delayBefore(attempt));
      }
    }
  }
}
