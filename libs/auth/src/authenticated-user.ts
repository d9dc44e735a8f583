import type { IncomingHttpHeaders } from 'node:http';
import type { JwtClaims } from './jwt';

/** Who is calling, as the guards put it on `request.user`. `id` is the token's `sub`. */
export interface AuthenticatedUser {
  id: string;
  roles: string[];
  name?: string;
}

/** The part of an HTTP request the guards read and write. */
export interface AuthenticatedRequest {
  headers: IncomingHttpHeaders;
  user?: AuthenticatedUser;
}

export const ADMIN_ROLE = 'admin';

/** False for an anonymous caller too, so optional-auth routes can ask without checking first. */
export function isAdmin(user: AuthenticatedUser | undefined): boolean {
  return user?.roles.includes(ADMIN_ROLE) ?? false;
}

export function userFromClaims(claims: JwtClaims): AuthenticatedUser {
  return {
    id: claims.sub,
    roles: claims.roles ?? [],
    ...(claims.name !== undefined && { name: claims.name }),
  };
}
