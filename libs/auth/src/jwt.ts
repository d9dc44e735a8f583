import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from './invalid-token.error';

/** An HS256 key: a string is used as its UTF-8 bytes. */
export type JwtSecret = string | Uint8Array;

export type JwtClaims = {
  sub: string;
  exp: number;
  iat?: number;
  nbf?: number;
  iss?: string;
  aud?: string | string[];
  roles?: string[];
  name?: string;
};

export interface JwtVerifyOptions {
  secret: JwtSecret;
  /** When set, `iss` must equal it. */
  issuer?: string;
  /** When set, `aud` (a string or an array) must contain it. */
  audience?: string;
  /** Clock skew allowed between the issuer and this host, in seconds (default 30). */
  clockToleranceSec?: number;
  now?: Date;
}

export interface SignJwtOptions {
  /**
   * Merged over `{ alg: 'HS256', typ: 'JWT' }`. The signature is HS256 whatever this says, which lets tests
   * forge the alg-confusion tokens verification must refuse.
   */
  header?: Record<string, unknown>;
}

export interface DemoTokenOptions {
  roles?: string[];
  /** Lifetime in seconds (default one hour). */
  ttlSec?: number;
  name?: string;
  /** Needed when the service checks `iss` / `aud`, or it refuses the token. */
  issuer?: string;
  audience?: string;
}

export const DEFAULT_CLOCK_TOLERANCE_SEC = 30;
export const MAX_SUBJECT_LENGTH = 128;

// Headers are bounded by the HTTP server anyway; this keeps a hostile token from reaching JSON.parse at size.
const MAX_TOKEN_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const DEMO_TTL_SEC = 3600;
// Only a name this plain is echoed back in "unsupported alg X"; anything else could smuggle text to the client.
const PRINTABLE_ALG = /^[A-Za-z0-9]{1,16}$/;
// A sub ends up in logs and database rows, where a newline or escape code would forge or garble lines.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Verifies an HS256 JWT and returns its claims, or throws `InvalidTokenError`. Only HS256 is accepted,
 * whatever the header asks for, so a token cannot pick `none` or another algorithm to be checked with.
 */
export function verifyJwt(token: string, options: JwtVerifyOptions): JwtClaims {
  const payload = verifyJws(token, options.secret);
  return checkClaims(payload, options);
}

/**
 * Checks the compact serialisation, the header and the signature, and returns the payload without looking
 * at any claim. `verifyJwt` builds on it; alone it proves integrity, not that the token is still valid.
 */
export function verifyJws(token: string, secret: JwtSecret): Record<string, unknown> {
  assertSecret(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw malformed();
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every(isBase64url)) throw malformed();
  const [encodedHeader, encodedPayload, signature] = parts;
  checkHeader(decodeObject(encodedHeader));
  // Comparing the canonical encodings rather than decoded bytes also refuses re-encoded signatures whose
  // unused trailing bits differ: one token, one signature.
  const expected = Buffer.from(hmac(`${encodedHeader}.${encodedPayload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidTokenError('bad signature');
  }
  return decodeObject(encodedPayload);
}

/** Signs whatever claims it is given: checking them is `verifyJwt`'s job, and tests need bad ones. */
export function signJwt(
  claims: Record<string, unknown>,
  secret: JwtSecret,
  options: SignJwtOptions = {},
): string {
  assertSecret(secret);
  const header = { alg: 'HS256', typ: 'JWT', ...options.header };
  const signingInput = `${encodeJson(header)}.${encodeJson(claims)}`;
  return `${signingInput}.${hmac(signingInput, secret)}`;
}

/** A token for scripts and local demos, valid from now for `ttlSec`. */
export function mintDemoToken(secret: JwtSecret, userId: string, options: DemoTokenOptions = {}): string {
  if (userId === '' || !isSubject(userId)) {
    throw new RangeError(`userId must be 1-${MAX_SUBJECT_LENGTH} printable characters`);
  }
  const ttlSec = options.ttlSec ?? DEMO_TTL_SEC;
  if (!Number.isInteger(ttlSec) || ttlSec <= 0) throw new RangeError('ttlSec must be a positive integer');
  const iat = Math.floor(Date.now() / 1000);
  const claims: JwtClaims = {
    sub: userId,
    iat,
    exp: iat + ttlSec,
    ...(options.roles !== undefined && { roles: options.roles }),
    ...(options.name !== undefined && { name: options.name }),
    ...(options.issuer !== undefined && { iss: options.issuer }),
    ...(options.audience !== undefined && { aud: options.audience }),
  };
  return signJwt(claims, secret);
}

function checkHeader(header: Record<string, unknown>): void {
  const { alg, typ } = header;
  if (alg !== 'HS256') {
    throw new InvalidTokenError(
      typeof alg === 'string' && PRINTABLE_ALG.test(alg) ? `unsupported alg ${alg}` : 'unsupported alg',
    );
  }
  if (typ !== undefined && (typeof typ !== 'string' || typ.toUpperCase() !== 'JWT')) {
    throw new InvalidTokenError('unsupported typ');
  }
  // RFC 7515 §4.1.11: extensions listed in `crit` must be understood, and this verifier understands none.
  if ('crit' in header) throw new InvalidTokenError('unsupported crit header');
}

function checkClaims(payload: Record<string, unknown>, options: JwtVerifyOptions): JwtClaims {
  const tolerance = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError('clockToleranceSec must be a non-negative number');
  }
  const nowSec = (options.now ?? new Date()).getTime() / 1000;

  const exp = requiredClaim(payload.exp, isNumericDate, 'exp');
  if (nowSec >= exp + tolerance) throw new InvalidTokenError('token expired');
  const nbf = optionalClaim(payload.nbf, isNumericDate, 'nbf');
  if (nbf !== undefined && nbf > nowSec + tolerance) throw new InvalidTokenError('token not yet valid');
  const iat = optionalClaim(payload.iat, isNumericDate, 'iat');
  if (iat !== undefined && iat > nowSec + tolerance)
    throw new InvalidTokenError('token issued in the future');

  const sub = requiredClaim(payload.sub, isSubject, 'sub');
  const iss = optionalClaim(payload.iss, isString, 'iss');
  if (options.issuer !== undefined && iss !== options.issuer) throw new InvalidTokenError('wrong issuer');
  const aud = optionalClaim(payload.aud, isStringOrStrings, 'aud');
  if (options.audience !== undefined && !toList(aud).includes(options.audience)) {
    throw new InvalidTokenError('wrong audience');
  }
  const roles = optionalClaim(payload.roles, isStrings, 'roles');
  const name = optionalClaim(payload.name, isString, 'name');

  // A fresh object of the known claims only: nothing else in the payload reaches the caller by accident.
  return {
    sub,
    exp,
    ...(iat !== undefined && { iat }),
    ...(nbf !== undefined && { nbf }),
    ...(iss !== undefined && { iss }),
    ...(aud !== undefined && { aud: typeof aud === 'string' ? aud : [...aud] }),
    ...(roles !== undefined && { roles: [...roles] }),
    ...(name !== undefined && { name }),
  };
}

function requiredClaim<T>(value: unknown, isValid: (value: unknown) => value is T, claim: string): T {
  if (value === undefined || value === '') throw new InvalidTokenError(`missing ${claim}`);
  return optionalClaim(value, isValid, claim) as T;
}

function optionalClaim<T>(
  value: unknown,
  isValid: (value: unknown) => value is T,
  claim: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!isValid(value)) throw new InvalidTokenError(`invalid ${claim}`);
  return value;
}

function decodeObject(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed();
  return value as Record<string, unknown>;
}

function isBase64url(segment: string): boolean {
  // A length of 4n+1 characters cannot come from any byte string.
  return BASE64URL.test(segment) && segment.length % 4 !== 1;
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function hmac(signingInput: string, secret: JwtSecret): string {
  return createHmac('sha256', secret).update(signingInput, 'ascii').digest('base64url');
}

function assertSecret(secret: JwtSecret): void {
  // node:crypto accepts an empty HMAC key, and a key everyone knows lets anyone mint tokens.
  if (secret.length === 0) throw new RangeError('JWT secret must not be empty');
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isStringOrStrings(value: unknown): value is string | string[] {
  return isString(value) || isStrings(value);
}

function isSubject(value: unknown): value is string {
  return isString(value) && value.length <= MAX_SUBJECT_LENGTH && !CONTROL_CHARACTERS.test(value);
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function malformed(): InvalidTokenError {
  return new InvalidTokenError('malformed token');
}
