import type { TickV1 } from '@marketpulse/contracts';

/**
 * Whether a tick is past its `expiresAt` at `at`, with the JobRunner's boundary (it skips only a tick whose
 * expiresAt is before its start): a consumer that works before calling the runner must decide alike, or
 * at the boundary it would skip the work the runner then reports as done.
 */
export function tickExpired(tick: TickV1, at: Date): boolean {
  return Date.parse(tick.expiresAt) < at.getTime();
}
