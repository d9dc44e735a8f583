import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, AuthenticatedUser } from './authenticated-user';

/**
 * The caller the guard authenticated. Behind `OptionalJwtAuthGuard` it is `undefined` for an anonymous
 * caller, so type the parameter `AuthenticatedUser | undefined` there.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
