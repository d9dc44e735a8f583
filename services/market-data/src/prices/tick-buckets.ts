/** Tick history resolutions: every stored price, or one OHLC point per bucket of that length. */
export const TICK_INTERVALS = ['tick', '1m', '5m', '15m', '1h'] as const;
export type TickInterval = (typeof TICK_INTERVALS)[number];
export type TickBucket = Exclude<TickInterval, 'tick'>;

export const BUCKET_MS: Record<TickBucket, number> = {
  '1m': 60_000,
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
};

/**
 * The interval when none is asked for: every tick when they all fit in `limit`, otherwise the finest bucket
 * whose count over the span fits, so a day at a 5 s refresh (17,280 ticks) comes back as the whole day in
 * 5-minute points rather than its first 83 minutes. A span too long even for hours is cut at `limit`, and
 * says so.
 */
export function defaultTickInterval(ticks: number, spanMs: number, limit: number): TickInterval {
  if (ticks <= limit) return 'tick';
  const buckets = Object.keys(BUCKET_MS) as TickBucket[];
  return buckets.find((bucket) => Math.floor(spanMs / BUCKET_MS[bucket]) + 1 <= limit) ?? '1h';
}
