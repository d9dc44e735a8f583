import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { AUTH_SETTINGS, type AuthSettings } from './auth.config';
import { userFromClaims, type AuthenticatedRequest } from './authenticated-user';
import { InvalidTokenError } from './invalid-token.error';
import { verifyJwt } from './jwt';
import { unauthorized } from './unauthorized';

const BEARER = /^Bearer +([^\s]+) *$/i;

/** Lets a request through only with a valid bearer token, and puts its identity on `request.user`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  canActivate(context: ExecutionContext): boolean {
    return authenticate(context, this.settings, { optional: false });
  }
}

/**
 * For routes that serve anyone but say more to a known caller: no Authorization header means anonymous
 * (`request.user` unset), but a header that is there and wrong is still a 401, so a client whose token
 * expired hears about it instead of silently getting the anonymous answer.
 */
@Injectable()
export class OptionalJwtAuthGuard implements CanActivate {
  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  canActivate(context: ExecutionContext): boolean {
    return authenticate(context, this.settings, { optional: true });
  }
}

function authenticate(
  context: ExecutionContext,
  settings: AuthSettings,
  { optional }: { optional: boolean },
): boolean {
  const http = context.switchToHttp();
  const request = http.getRequest<AuthenticatedRequest>();
  const response = http.getResponse<Response>();
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    if (optional) return true;
    throw unauthorized(response, 'missing bearer token', false);
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthorized(response, 'authorization is not a bearer token', false);
  try {
    request.user = userFromClaims(verifyJwt(token, settings));
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthorized(response, error.reason, true);
    throw error;
  }
  return true;
}
