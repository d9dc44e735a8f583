import { Injectable } from '@nestjs/common';
import { MetricsService } from '@marketpulse/observability';
import { Counter, Gauge } from 'prom-client';
import type { ProviderFailure } from './http/provider-error';
import type { BreakerState, CircuitBreaker } from './resilience/circuit-breaker';

const STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

@Injectable()
export class ProviderMetrics {
  readonly requests: Counter<'provider' | 'outcome'>;
  readonly malformedValues: Counter<'provider'>;
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(metrics: MetricsService) {
    this.requests = new Counter({
      name: 'marketpulse_provider_requests_total',
      help: 'Calls to external price providers, by provider and outcome (ok, timeout, network, http, rate-limited, circuit-open, malformed)',
      labelNames: ['provider', 'outcome'],
      registers: [metrics.registry],
    });
    this.malformedValues = new Counter({
      name: 'marketpulse_provider_malformed_values_total',
      help: 'Values in provider answers that were not numbers, dropped (the rest of the answer was used)',
      labelNames: ['provider'],
      registers: [metrics.registry],
    });
    const breakers = this.breakers;
    new Gauge({
      name: 'marketpulse_provider_circuit_state',
      help: 'Circuit breaker of each HTTP price provider: 1 for its current state (closed, open, half-open)',
      labelNames: ['provider', 'state'],
      registers: [metrics.registry],
      // Read at scrape time, so the gauge cannot drift from the breaker (an open circuit half-opens by time).
      collect() {
        this.reset();
        for (const [provider, breaker] of breakers) {
          const current = breaker.state;
          for (const state of STATES) this.set({ provider, state }, state === current ? 1 : 0);
        }
      },
    });
  }

  record(provider: string, outcome: 'ok' | ProviderFailure): void {
    this.requests.inc({ provider, outcome });
  }

  watch(provider: string, breaker: CircuitBreaker): void {
    this.breakers.set(provider, breaker);
  }
}
