import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { httpExecutionContext } from '../test/http-execution-context';
import { AdminGuard } from './admin.guard';

describe(AdminGuard.name, () => {
  const guard = new AdminGuard();

  it('admits an admin', () => {
    const { context, request } = httpExecutionContext();
    request.user = { id: 'root', roles: ['trader', 'admin'] };
    expect(guard.canActivate(context)).toBe(true);
  });

  it('answers 403 "admin role required" to anyone else', () => {
    const { context, request } = httpExecutionContext();
    request.user = { id: 'user-7', roles: ['trader', 'Admin'] };
    expect(() => guard.canActivate(context)).toThrow(new ForbiddenException('admin role required'));
  });

  it('answers 401 when no guard before it identified the caller', () => {
    const { context, response } = httpExecutionContext();
    expect(() => guard.canActivate(context)).toThrow(new UnauthorizedException('missing bearer token'));
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});
