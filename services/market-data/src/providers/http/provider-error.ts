/** Why a provider call gave no answer; also the `outcome` label of the provider request counter. */
export type ProviderFailure = 'timeout' | 'network' | 'http' | 'rate-limited' | 'circuit-open' | 'malformed';

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly failure: ProviderFailure,
    message: string,
    /** Whether trying the same provider again soon could help (a timeout, a 5xx), as opposed to a 4xx. */
    readonly retryable = false,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderError';
  }
}

/** Thrown by a response parser: the body is not what the provider documents. */
export function malformed(provider: string, message: string): ProviderError {
  return new ProviderError(provider, 'malformed', message);
}
