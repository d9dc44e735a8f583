import { UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * RFC 6750 §3: a 401 names the scheme to use, and says `invalid_token` when a token was sent. The reason
 * goes in the body only, never into the header.
 */
export function unauthorized(
  response: Response,
  reason: string,
  tokenWasSent: boolean,
): UnauthorizedException {
  response.setHeader('WWW-Authenticate', tokenWasSent ? 'Bearer error="invalid_token"' : 'Bearer');
  return new UnauthorizedException(reason);
}
