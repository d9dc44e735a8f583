import { UnauthorizedException } from '@nestjs/common';
import { httpExecutionContext } from '../test/http-execution-context';
import { AuthSettings } from './auth.config';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './jwt-auth.guard';
import { mintDemoToken, signJwt } from './jwt';

const settings: AuthSettings = { secret: 'a-test-secret-of-at-least-32-bytes!!', clockToleranceSec: 30 };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs the guard and returns the 401 it throws; fails the test if it lets the request through. */
function unauthorizedBy(run: () => boolean): UnauthorizedException {
  try {
    run();
  } catch (error) {
    if (error instanceof UnauthorizedException) return error;
    throw error;
  }
  throw new Error('expected a 401');
}

describe(JwtAuthGuard.name, () => {
  const guard = new JwtAuthGuard(settings);

  it('answers 401 "missing bearer token" without an Authorization header', () => {
    const { context, response } = httpExecutionContext();
    const error = unauthorizedBy(() => guard.canActivate(context));
    expect(error.message).toBe('missing bearer token');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 to another scheme', () => {
    const { context } = httpExecutionContext({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(unauthorizedBy(() => guard.canActivate(context)).message).toBe(
      'authorization is not a bearer token',
    );
  });

  it.each([
    ['an expired token', signJwt({ sub: 'u1', exp: 1_000 }, settings.secret), 'token expired'],
    ['a token signed with another secret', mintDemoToken(`${settings.secret}?`, 'u1'), 'bad signature'],
    [
      'an RS256 token',
      signJwt({ sub: 'u1', exp: 4e9 }, settings.secret, { header: { alg: 'RS256' } }),
      'unsupported alg RS256',
    ],
    ['garbage', 'not-a-jwt', 'malformed token'],
  ])('answers 401 with the reason to %s', (_what, token, reason) => {
    const { context, request, response } = httpExecutionContext(bearer(token));
    const error = unauthorizedBy(() => guard.canActivate(context));
    expect(error.getStatus()).toBe(401);
    expect(error.message).toBe(reason);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(request.user).toBeUndefined();
  });

  it('puts the caller on request.user for a good token', () => {
    const token = mintDemoToken(settings.secret, 'user-7', { roles: ['trader'], name: 'Grace' });
    const { context, request } = httpExecutionContext(bearer(token));
    expect(guard.canActivate(context)).toBe(true);
    expect(request.user).toEqual({ id: 'user-7', roles: ['trader'], name: 'Grace' });
  });

  it('gives a token without roles an empty role list', () => {
    const { context, request } = httpExecutionContext(bearer(mintDemoToken(settings.secret, 'user-8')));
    guard.canActivate(context);
    expect(request.user).toEqual({ id: 'user-8', roles: [] });
  });

  it('reads the scheme case-insensitively', () => {
    const token = mintDemoToken(settings.secret, 'user-9');
    const { context, request } = httpExecutionContext({ authorization: `bearer  ${token}` });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.user?.id).toBe('user-9');
  });

  it('applies the configured issuer and audience', () => {
    const strict = new JwtAuthGuard({ ...settings, issuer: 'marketpulse', audience: 'predictions' });
    const good = mintDemoToken(settings.secret, 'u1', { issuer: 'marketpulse', audience: 'predictions' });
    const elsewhere = mintDemoToken(settings.secret, 'u1', { issuer: 'marketpulse', audience: 'portfolio' });
    expect(strict.canActivate(httpExecutionContext(bearer(good)).context)).toBe(true);
    const { context } = httpExecutionContext(bearer(elsewhere));
    expect(unauthorizedBy(() => strict.canActivate(context)).message).toBe('wrong audience');
  });
});

describe(OptionalJwtAuthGuard.name, () => {
  const guard = new OptionalJwtAuthGuard(settings);

  it('lets an anonymous caller through without a user', () => {
    const { context, request } = httpExecutionContext();
    expect(guard.canActivate(context)).toBe(true);
    expect(request.user).toBeUndefined();
  });

  it('identifies a caller with a good token', () => {
    const { context, request } = httpExecutionContext(bearer(mintDemoToken(settings.secret, 'user-7')));
    expect(guard.canActivate(context)).toBe(true);
    expect(request.user?.id).toBe('user-7');
  });

  it('still answers 401 to a header that is there and wrong', () => {
    const expired = httpExecutionContext(bearer(signJwt({ sub: 'u1', exp: 1_000 }, settings.secret)));
    expect(unauthorizedBy(() => guard.canActivate(expired.context)).message).toBe('token expired');
    const basic = httpExecutionContext({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(unauthorizedBy(() => guard.canActivate(basic.context)).message).toBe(
      'authorization is not a bearer token',
    );
  });
});
