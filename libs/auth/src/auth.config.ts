import { DEFAULT_CLOCK_TOLERANCE_SEC } from './jwt';

/**
 * What a service tells `AuthModule.forRoot`: its config class declares the variables (e.g. `JWT_SECRET`)
 * and maps them here, so each service names its own environment and this lib reads none.
 */
export class AuthSettings {
  /** HS256 shared secret, at least 32 bytes. */
  secret: string;
  /** When set, tokens must carry this `iss`. */
  issuer?: string;
  /** When set, tokens must list this in `aud`. */
  audience?: string;
  /** Clock skew allowed between the token issuer and this host, in seconds. */
  clockToleranceSec = DEFAULT_CLOCK_TOLERANCE_SEC;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_SECRET_BYTES = 32;
const MAX_CLOCK_TOLERANCE_SEC = 300;

/** Every problem with the settings, worded without their values: the secret must not reach a log. */
export function authSettingsProblems(settings: AuthSettings): string[] {
  const problems: string[] = [];
  if (typeof settings.secret !== 'string' || Buffer.byteLength(settings.secret) < MIN_SECRET_BYTES) {
    problems.push(`auth secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (settings.issuer !== undefined && (typeof settings.issuer !== 'string' || settings.issuer === '')) {
    problems.push('auth issuer must be a non-empty string when set');
  }
  if (
    settings.audience !== undefined &&
    (typeof settings.audience !== 'string' || settings.audience === '')
  ) {
    problems.push('auth audience must be a non-empty string when set');
  }
  const tolerance = settings.clockToleranceSec;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SEC) {
    problems.push(`auth clockToleranceSec must be an integer between 0 and ${MAX_CLOCK_TOLERANCE_SEC}`);
  }
  return problems;
}
