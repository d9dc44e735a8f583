import { systemClock, type Clock } from './clock';

/**
 * `live`: the refresh tick's quotes, which are late the moment they wait. `background`: bulk work that can
 * come back later (the history import), which must not spend the budget the next tick needs.
 */
export type RequestPriority = 'live' | 'background';

/**
 * A token bucket: up to `capacity` requests in a burst, refilled continuously at `refillPerMs`. The refill is
 * computed from the clock when a token is asked for, so there is no timer to stop at shutdown. A quarter of
 * the capacity (rounded down, at least one token from a capacity of two) is kept for live requests:
 * background ones take tokens only above it, so a history import running flat out still leaves the next
 * refresh tick its requests.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private blockedUntil = 0;
  private readonly liveReserve: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(capacity >= 1) || !(refillPerMs > 0)) throw new RangeError('capacity >= 1 and refill > 0 required');
    this.tokens = capacity;
    this.refilledAt = clock();
    this.liveReserve = capacity >= 2 ? Math.max(1, Math.floor(capacity / 4)) : 0;
  }

  /** A bucket allowing `count` requests a minute, all of them at once when it is full. */
  static perMinute(count: number, clock: Clock = systemClock): TokenBucket {
    return new TokenBucket(count, count / 60_000, clock);
  }

  /**
   * Takes `cost` tokens when there are that many (and the provider has not asked us to back off); a
   * background request only when the live reserve is still there after it.
   */
  tryTake(cost = 1, priority: RequestPriority = 'live'): boolean {
    const now = this.clock();
    this.refill(now);
    const floor = priority === 'background' ? this.liveReserve : 0;
    if (now < this.blockedUntil || this.tokens - cost < floor) return false;
    this.tokens -= cost;
    return true;
  }

  /**
   * The provider said 429: no tokens before `ms` from now, and the bucket starts empty then, so requests
   * resume at the refill rate rather than as one burst that would earn another 429.
   */
  blockFor(ms: number): void {
    const now = this.clock();
    this.blockedUntil = Math.max(this.blockedUntil, now + ms);
    this.tokens = 0;
    this.refilledAt = this.blockedUntil;
  }

  /**
   * How long until `tryTake(cost, priority)` could succeed, if nothing else takes tokens meanwhile;
   * Infinity when it never can (more than the bucket holds above the priority's floor).
   */
  msUntil(cost = 1, priority: RequestPriority = 'live'): number {
    const now = this.clock();
    this.refill(now);
    const floor = priority === 'background' ? this.liveReserve : 0;
    if (cost + floor > this.capacity) return Infinity;
    const start = Math.max(now, this.blockedUntil);
    const missing = Math.max(0, cost + floor - this.tokens);
    return Math.ceil(start - now + missing / this.refillPerMs);
  }

  available(): number {
    this.refill(this.clock());
    return Math.floor(this.tokens);
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.refillPerMs);
    this.refilledAt = now;
  }
}
