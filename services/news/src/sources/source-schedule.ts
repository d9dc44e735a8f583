/** Never wait longer than this for a healthy source, whatever its TTL or max-age says. */
const MAX_HEALTHY_WAIT_MS = 24 * 3600 * 1000;

/**
 * When a source that answered is due again: its poll interval, or later if the feed asked for it
 * (RSS `<ttl>`, Cache-Control max-age), at most a day.
 */
export function nextDueAfterSuccess(
  now: Date,
  pollIntervalSeconds: number,
  asked: { ttlSeconds?: number; maxAgeSeconds?: number },
): Date {
  const seconds = Math.max(pollIntervalSeconds, asked.ttlSeconds ?? 0, asked.maxAgeSeconds ?? 0);
  return new Date(now.getTime() + Math.min(seconds * 1000, MAX_HEALTHY_WAIT_MS));
}

/**
 * When a failing source is tried again: its poll interval doubled per consecutive failure (1 failure:
 * 2x, 2: 4x, ...), capped, so a dead feed costs little and a blip costs one interval more.
 */
export function nextDueAfterFailure(
  now: Date,
  pollIntervalSeconds: number,
  consecutiveFailures: number,
  maxBackoffMs: number,
): Date {
  const exponent = Math.min(Math.max(consecutiveFailures, 1), 20);
  const delay = Math.min(pollIntervalSeconds * 1000 * 2 ** exponent, maxBackoffMs);
  return new Date(now.getTime() + Math.max(delay, pollIntervalSeconds * 1000));
}
