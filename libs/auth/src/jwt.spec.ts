import { createHmac } from 'node:crypto';
import { InvalidTokenError } from './invalid-token.error';
import { mintDemoToken, signJwt, verifyJwt, verifyJws } from './jwt';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const NOW = new Date('2030-01-01T00:00:00Z');
const NOW_SEC = NOW.getTime() / 1000;
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const HS256_HEADER = base64url('{"alg":"HS256","typ":"JWT"}');

/** A token signed by hand, for payloads `signJwt` cannot produce. */
function signedWith(secret: string, header: string, payload: string): string {
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: 'user-1', iat: NOW_SEC - 10, exp: NOW_SEC + 600, ...overrides };
}

function verify(token: string, options: { issuer?: string; audience?: string } = {}) {
  return verifyJwt(token, { secret: SECRET, now: NOW, ...options });
}

/** The reason `verify` refuses the token with; fails the test if it accepts it. */
function reasonFor(token: string, options: { issuer?: string; audience?: string } = {}): string {
  try {
    verify(token, options);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

/** RFC 7515 Appendix A.1: the HS256 JWS example, byte for byte (CRLFs included). */
const RFC7515_A1 = {
  key: Buffer.from(
    'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
    'base64url',
  ),
  token:
    'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
    '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
    '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  beforeExp: new Date(1300819380 * 1000 - 60_000),
};

describe(verifyJwt.name, () => {
  describe('RFC 7515 Appendix A.1', () => {
    it('encodes the published header and payload', () => {
      const [header, payload] = RFC7515_A1.token.split('.');
      expect(header).toBe(base64url('{"typ":"JWT",\r\n "alg":"HS256"}'));
      expect(payload).toBe(
        base64url('{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}'),
      );
    });

    it('verifies the published signature with the JWK key', () => {
      expect(verifyJws(RFC7515_A1.token, RFC7515_A1.key)).toEqual({
        iss: 'joe',
        exp: 1300819380,
        'http://example.com/is_root': true,
      });
    });

    it('passes the signature and time checks before exp, then wants the sub the example lacks', () => {
      // The example has no `sub`, which verifyJwt requires; the reason shows every earlier check passed.
      expect(() =>
        verifyJwt(RFC7515_A1.token, { secret: RFC7515_A1.key, now: RFC7515_A1.beforeExp }),
      ).toThrow(new InvalidTokenError('missing sub'));
      expect(() => verifyJwt(RFC7515_A1.token, { secret: RFC7515_A1.key })).toThrow('token expired');
    });

    it('refuses the example under another key', () => {
      expect(() => verifyJws(RFC7515_A1.token, SECRET)).toThrow('bad signature');
    });
  });

  it('round-trips the claims it signs', () => {
    const signed = claims({
      iss: 'marketpulse',
      aud: ['predictions', 'portfolio'],
      roles: ['admin'],
      name: 'Ada',
    });
    expect(verify(signJwt(signed, SECRET))).toEqual(signed);
  });

  it('returns only the known claims', () => {
    // JSON.parse makes "__proto__" an own property; it must not become the claims' prototype.
    const payload = base64url(
      `{"sub":"user-1","exp":${NOW_SEC + 600},"scope":"all","__proto__":{"roles":["admin"]}}`,
    );
    const verified = verify(signedWith(SECRET, HS256_HEADER, payload));
    expect(Object.keys(verified).sort()).toEqual(['exp', 'sub']);
    expect(verified.roles).toBeUndefined();
  });

  it('accepts a binary secret', () => {
    const key = Buffer.alloc(32, 7);
    expect(verifyJwt(signJwt(claims(), key), { secret: key, now: NOW }).sub).toBe('user-1');
  });

  describe('refuses tokens not signed with the secret', () => {
    it('when the payload was changed after signing', () => {
      const [header, , signature] = signJwt(claims(), SECRET).split('.');
      const tampered = base64url(JSON.stringify(claims({ roles: ['admin'] })));
      expect(reasonFor(`${header}.${tampered}.${signature}`)).toBe('bad signature');
    });

    it('when signed with another secret', () => {
      expect(reasonFor(signJwt(claims(), `${SECRET}?`))).toBe('bad signature');
    });

    it('when the signature is truncated or re-encoded', () => {
      const token = signJwt(claims(), SECRET);
      expect(reasonFor(token.slice(0, -3))).toBe('bad signature');
      // 43 characters carry 258 bits for 256: flipping a spare bit keeps the bytes but not the token.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const signature = token.split('.')[2];
      const sibling = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
      expect(Buffer.from(sibling, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect(reasonFor(token.replace(signature, sibling))).toBe('bad signature');
    });
  });

  describe('accepts only HS256', () => {
    it.each([
      ['none', 'unsupported alg none'],
      ['RS256', 'unsupported alg RS256'],
      ['HS512', 'unsupported alg HS512'],
      ['hs256', 'unsupported alg hs256'],
      [undefined, 'unsupported alg'],
      [256, 'unsupported alg'],
      ['RS256\r\nX-Injected: 1', 'unsupported alg'],
    ])('refuses alg %p', (alg, reason) => {
      // HMAC-signed with the right secret: an RS256 verifier fooled into using the secret as a key would pass it.
      expect(reasonFor(signJwt(claims(), SECRET, { header: { alg } }))).toBe(reason);
    });

    it('refuses an unsigned alg none token', () => {
      const token = `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url(JSON.stringify(claims()))}.`;
      expect(reasonFor(token)).toBe('malformed token');
      expect(reasonFor(`${token}c2ln`)).toBe('unsupported alg none');
    });

    it('accepts typ JWT in any case or no typ, and nothing else', () => {
      expect(verify(signJwt(claims(), SECRET, { header: { typ: 'jwt' } })).sub).toBe('user-1');
      expect(verify(signJwt(claims(), SECRET, { header: { typ: undefined } })).sub).toBe('user-1');
      expect(reasonFor(signJwt(claims(), SECRET, { header: { typ: 'JWE' } }))).toBe('unsupported typ');
    });

    it('refuses critical header extensions', () => {
      const token = signJwt(claims(), SECRET, { header: { crit: ['b64'], b64: false } });
      expect(reasonFor(token)).toBe('unsupported crit header');
    });
  });

  describe('time claims', () => {
    it('refuses an expired token, with 30 s of tolerance by default', () => {
      expect(reasonFor(signJwt(claims({ exp: NOW_SEC - 31 }), SECRET))).toBe('token expired');
      expect(verify(signJwt(claims({ exp: NOW_SEC - 29 }), SECRET)).sub).toBe('user-1');
    });

    it('uses the tolerance it is given', () => {
      const token = signJwt(claims({ exp: NOW_SEC - 5 }), SECRET);
      expect(() => verifyJwt(token, { secret: SECRET, now: NOW, clockToleranceSec: 0 })).toThrow(
        'token expired',
      );
      expect(verifyJwt(token, { secret: SECRET, now: NOW, clockToleranceSec: 10 }).sub).toBe('user-1');
    });

    it('requires a numeric exp', () => {
      expect(reasonFor(signJwt(claims({ exp: undefined }), SECRET))).toBe('missing exp');
      expect(reasonFor(signJwt(claims({ exp: '2030-01-01' }), SECRET))).toBe('invalid exp');
    });

    it('refuses a token not valid yet', () => {
      expect(reasonFor(signJwt(claims({ nbf: NOW_SEC + 31 }), SECRET))).toBe('token not yet valid');
      expect(verify(signJwt(claims({ nbf: NOW_SEC + 29 }), SECRET)).nbf).toBe(NOW_SEC + 29);
    });

    it('refuses a token issued in the future', () => {
      expect(reasonFor(signJwt(claims({ iat: NOW_SEC + 120 }), SECRET))).toBe('token issued in the future');
      expect(reasonFor(signJwt(claims({ iat: 'now' }), SECRET))).toBe('invalid iat');
    });
  });

  describe('identity claims', () => {
    it.each([
      [{ sub: undefined }, 'missing sub'],
      [{ sub: '' }, 'missing sub'],
      [{ sub: 42 }, 'invalid sub'],
      [{ sub: 'x'.repeat(129) }, 'invalid sub'],
      [{ sub: 'user\n1' }, 'invalid sub'],
      [{ roles: 'admin' }, 'invalid roles'],
      [{ roles: ['admin', 1] }, 'invalid roles'],
      [{ name: ['Ada'] }, 'invalid name'],
      [{ iss: 7 }, 'invalid iss'],
      [{ aud: [1] }, 'invalid aud'],
    ])('refuses %p', (overrides, reason) => {
      expect(reasonFor(signJwt(claims(overrides), SECRET))).toBe(reason);
    });

    it('accepts a sub of 128 characters', () => {
      expect(verify(signJwt(claims({ sub: 'x'.repeat(128) }), SECRET)).sub).toHaveLength(128);
    });

    it('checks the issuer when one is configured', () => {
      const token = signJwt(claims({ iss: 'someone-else' }), SECRET);
      expect(reasonFor(token, { issuer: 'marketpulse' })).toBe('wrong issuer');
      expect(reasonFor(signJwt(claims(), SECRET), { issuer: 'marketpulse' })).toBe('wrong issuer');
      expect(verify(signJwt(claims({ iss: 'marketpulse' }), SECRET), { issuer: 'marketpulse' }).iss).toBe(
        'marketpulse',
      );
      expect(verify(token).iss).toBe('someone-else');
    });

    it('checks the audience, a string or a list, when one is configured', () => {
      const options = { audience: 'predictions' };
      expect(verify(signJwt(claims({ aud: 'predictions' }), SECRET), options).aud).toBe('predictions');
      expect(verify(signJwt(claims({ aud: ['portfolio', 'predictions'] }), SECRET), options).sub).toBe(
        'user-1',
      );
      expect(reasonFor(signJwt(claims({ aud: 'portfolio' }), SECRET), options)).toBe('wrong audience');
      expect(reasonFor(signJwt(claims({ aud: ['portfolio'] }), SECRET), options)).toBe('wrong audience');
      expect(reasonFor(signJwt(claims(), SECRET), options)).toBe('wrong audience');
    });
  });

  describe('malformed tokens', () => {
    const header = HS256_HEADER;
    const payload = base64url(JSON.stringify(claims()));

    it.each([
      ['empty', ''],
      ['two parts', `${header}.${payload}`],
      ['four parts', `${signJwt(claims(), SECRET)}.x`],
      ['an empty part', `${header}..sig`],
      ['standard base64', signJwt(claims(), SECRET).replace(/-|_/g, '+') + '=='],
      ['non-base64 characters', `${header}.${payload}!.c2ln`],
      ['an impossible base64 length', `${header}.AAAAA.c2ln`],
      ['a non-JSON header', `${base64url('alg=HS256')}.${payload}.c2ln`],
      ['a JSON header that is not an object', `${base64url('["HS256"]')}.${payload}.c2ln`],
      ['a huge token', `${header}.${'A'.repeat(9000)}.c2ln`],
    ])('refuses %s', (_what, token) => {
      expect(reasonFor(token)).toBe('malformed token');
    });

    it.each([
      ['not JSON', base64url('sub=user-1')],
      ['JSON null', base64url('null')],
      ['a JSON array', base64url('[1,2]')],
    ])('refuses a signed payload that is %s', (_what, body) => {
      expect(reasonFor(signedWith(SECRET, header, body))).toBe('malformed token');
    });
  });

  it('refuses to work with an empty secret', () => {
    expect(() => verifyJwt(signJwt(claims(), SECRET), { secret: '' })).toThrow(RangeError);
    expect(() => signJwt(claims(), '')).toThrow(RangeError);
  });
});

describe(mintDemoToken.name, () => {
  it('mints a token the verifier accepts now', () => {
    const token = mintDemoToken(SECRET, 'demo-user', { roles: ['admin'], name: 'Demo', ttlSec: 60 });
    const verified = verifyJwt(token, { secret: SECRET });
    expect(verified).toMatchObject({ sub: 'demo-user', roles: ['admin'], name: 'Demo' });
    expect(verified.exp - verified.iat!).toBe(60);
  });

  it('lasts an hour by default and carries issuer and audience when asked', () => {
    const token = mintDemoToken(SECRET, 'demo-user', { issuer: 'marketpulse', audience: 'predictions' });
    const verified = verifyJwt(token, { secret: SECRET, issuer: 'marketpulse', audience: 'predictions' });
    expect(verified.exp - verified.iat!).toBe(3600);
    expect(verified.roles).toBeUndefined();
    const anHourLater = new Date((verified.exp + 31) * 1000);
    expect(() => verifyJwt(token, { secret: SECRET, now: anHourLater })).toThrow('token expired');
  });

  it('refuses to mint what the verifier would refuse', () => {
    expect(() => mintDemoToken(SECRET, '')).toThrow(RangeError);
    expect(() => mintDemoToken(SECRET, 'x'.repeat(129))).toThrow(RangeError);
    expect(() => mintDemoToken(SECRET, 'demo', { ttlSec: 0 })).toThrow(RangeError);
    expect(() => mintDemoToken(SECRET, 'demo', { ttlSec: 1.5 })).toThrow(RangeError);
  });
});
