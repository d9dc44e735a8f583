import { createHash, randomUUID } from 'node:crypto';

const MARKETPULSE_NAMESPACE = Buffer.from('4f3b0e2c8a1d4c6e9b7a5d3c1e0f2a4b', 'hex');

/**
 * A name-based (RFC 4122 version 5) uuid: the same name always gives the same id. Used where an event must
 * be identical whoever produces it, e.g. the tick of one job slot fired by two scheduler replicas.
 */
export function deterministicEventId(name: string): string {
  const hash = createHash('sha1').update(MARKETPULSE_NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newEventId(): string {
  return randomUUID();
}
