import { createHash } from 'node:crypto';

/**
 * A standard normal variate that depends only on its inputs: the simulation of one symbol at one instant
 * is the same on every run and every replica with the same seed.
 */
export function seededStandardNormal(seed: number, key: string, instantMs: number): number {
  const digest = createHash('sha256').update(`${seed}:${key}:${instantMs}`).digest();
  // Two uniforms in (0, 1] from 48 bits each, then Box-Muller.
  const u1 = (digest.readUIntBE(0, 6) + 1) / 2 ** 48;
  const u2 = (digest.readUIntBE(6, 6) + 1) / 2 ** 48;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
