/**
 * Delay before the next delivery after a failed attempt. JetStream's consumer `backoff` applies only to
 * ack timeouts, not to `nak()`, so the delay travels with the nak and grows with the delivery count;
 * jitter keeps replicas that failed together from retrying together.
 */
export function retryDelayMs(
  deliveryCount: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, deliveryCount - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
