import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminGuard } from './admin.guard';
import { JwtAuthGuard } from './jwt-auth.guard';

const unauthorizedResponse = ApiUnauthorizedResponse({
  description: 'Missing, malformed, expired or wrongly signed bearer token; the message says which.',
});

/** On a controller or a route: a valid bearer token is required, and the caller is `@CurrentUser()`. */
export function Authenticated(): ReturnType<typeof applyDecorators> {
  return applyDecorators(UseGuards(JwtAuthGuard), ApiBearerAuth(), unauthorizedResponse);
}

/**
 * Requires a valid token with the `admin` role. It brings its own `JwtAuthGuard` because stacked
 * decorators apply bottom-up: `@Authenticated() @AdminOnly()` would otherwise run `AdminGuard` first.
 */
export function AdminOnly(): ReturnType<typeof applyDecorators> {
  return applyDecorators(
    UseGuards(JwtAuthGuard, AdminGuard),
    ApiBearerAuth(),
    unauthorizedResponse,
    ApiForbiddenResponse({ description: 'The token lacks the admin role.' }),
  );
}
