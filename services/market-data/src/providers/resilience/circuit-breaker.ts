import { systemClock, type Clock } from './clock';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  openMs: number;
}

/**
 * closed → (failureThreshold consecutive failures) → open → (openMs later) → half-open: one trial call;
 * its success closes the circuit, its failure opens it for another openMs. While open, callers fail fast
 * and the tiered provider asks the next source, instead of every tick waiting for a dead provider's timeout.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly clock: Clock = systemClock,
  ) {}

  get state(): BreakerState {
    if (this.current === 'open' && this.clock() - this.openedAt >= this.options.openMs) {
      this.current = 'half-open';
      this.trialInFlight = false;
    }
    return this.current;
  }

  /** Whether a call may go out now; in half-open, only the first caller gets the trial. */
  tryAcquire(): boolean {
    switch (this.state) {
      case 'closed':
        return true;
      case 'open':
        return false;
      case 'half-open':
        if (this.trialInFlight) return false;
        this.trialInFlight = true;
        return true;
    }
  }

  onSuccess(): void {
    this.current = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  onFailure(): void {
    if (this.state === 'half-open') {
      this.open();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  /** The call ended saying nothing about the provider's health (e.g. our own rate limit): free the trial. */
  onNeutral(): void {
    this.trialInFlight = false;
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.clock();
    this.failures = 0;
    this.trialInFlight = false;
  }
}
