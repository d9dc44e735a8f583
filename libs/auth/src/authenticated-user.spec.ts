import { isAdmin, userFromClaims } from './authenticated-user';

describe(isAdmin.name, () => {
  it('is true only for the exact admin role', () => {
    expect(isAdmin({ id: 'a', roles: ['admin'] })).toBe(true);
    expect(isAdmin({ id: 'b', roles: ['administrator', 'ADMIN'] })).toBe(false);
    expect(isAdmin({ id: 'c', roles: [] })).toBe(false);
    expect(isAdmin(undefined)).toBe(false);
  });
});

describe(userFromClaims.name, () => {
  it('maps sub to id and defaults roles to none', () => {
    expect(userFromClaims({ sub: 'u1', exp: 1 })).toEqual({ id: 'u1', roles: [] });
    expect(userFromClaims({ sub: 'u1', exp: 1, roles: ['admin'], name: 'Ada', iss: 'x' })).toEqual({
      id: 'u1',
      roles: ['admin'],
      name: 'Ada',
    });
  });
});
