import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { isAdmin, type AuthenticatedRequest } from './authenticated-user';
import { unauthorized } from './unauthorized';

/**
 * Admits callers with the `admin` role. It reads `request.user`, so it runs after `JwtAuthGuard` (or
 * `OptionalJwtAuthGuard`, where an anonymous caller gets the 401 that tells it to authenticate).
 */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const { user } = http.getRequest<AuthenticatedRequest>();
    if (user === undefined) throw unauthorized(http.getResponse<Response>(), 'missing bearer token', false);
    if (!isAdmin(user)) throw new ForbiddenException('admin role required');
    return true;
  }
}
