import { ProviderError } from './provider-error';

/**
 * What a provider throws when every request of one `latestQuotes` call failed: an empty answer would read
 * as "had nothing for these symbols", and the tiered provider would ask it again in its next round of the
 * same tick (a timing-out provider costing another timeout and its retries). One failed request is thrown
 * as it is; several as one error of the last one's kind. Some requests answered, or none made (no symbol
 * of the provider's): nothing is thrown, and the quotes answered stand.
 */
export function throwIfEveryBatchFailed(provider: string, requests: number, failures: unknown[]): void {
  if (requests === 0 || failures.length < requests) return;
  if (failures.length === 1) throw failures[0];
  const last = failures[failures.length - 1];
  const messages = failures.map((failure) => (failure instanceof Error ? failure.message : String(failure)));
  throw new ProviderError(
    provider,
    last instanceof ProviderError ? last.failure : 'network',
    `all ${requests} requests failed: ${messages.join('; ')}`,
  );
}
