const SCALE = 12;

/** A decimal string as an integer count of 10^-12 units: exact, no binary floating point anywhere. */
function toUnits(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal string: '${value}'`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > SCALE) throw new Error(`more than ${SCALE} decimal places: '${value}'`);
  const units = BigInt(whole + fraction.padEnd(SCALE, '0'));
  return sign === '-' ? -units : units;
}

/** n / d rounded to an integer, ties to even (banker's rounding); d > 0. */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let quotient = magnitude / d;
  const twiceRemainder = (magnitude % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * `(p_verify − p_create) / p_create × 100`, rounded half-to-even to 2 places, computed exactly on
 * integers: the rounding decides who wins, so it must not depend on a division's precision.
 */
export function changePercent(priceAtCreate: string, priceAtVerify: string): string {
  const create = toUnits(priceAtCreate);
  if (create <= 0n) throw new Error('the price at creation must be positive');
  const hundredths = divideHalfEven((toUnits(priceAtVerify) - create) * 10_000n, create);
  const negative = hundredths < 0n;
  const digits = (negative ? -hundredths : hundredths).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
