import { encode } from 'next-auth/jwt';
import { userFromSessionCookie } from '@/lib/next/decode-session-cookie';

const secret = 'unit-test-secret-of-sufficient-length-0123456789';
const claims = {
  sub: 'oid-1.tid-1',
  // A session carries a parsed tenant id and, since action tokens are bound to it, a session id.
  tid: '11111111-2222-4333-8444-555555555555',
  oid: 'oid-1',
  sid: 'session-id-0123456789abcdef',
  name: 'Ada Staff',
  upn: 'ada@contoso.example',
  roles: [],
  isPartnerAdmin: false,
  isOperator: false,
};

describe('userFromSessionCookie (decrypted once per session)', () => {
  it('reads the user out of a cookie next-auth encoded, and answers again from memory', async () => {
    const cookie = await encode({ token: claims, secret, maxAge: 60 });
    const first = await userFromSessionCookie(cookie, secret);
    expect(first).toEqual({
      tid: '11111111-2222-4333-8444-555555555555',
      oid: 'oid-1',
      sid: 'session-id-0123456789abcdef',
      name: 'Ada Staff',
      upn: 'ada@contoso.example',
      roles: [],
      isPartnerAdmin: false,
      isOperator: false,
    });
    // The cached entry is keyed by the cookie: the same value answers without decrypting.
    expect(await userFromSessionCookie(cookie, 'another-secret-that-could-not-decrypt-it')).toBe(
      first,
    );
  });

  it.each([
    [
      'a tampered cookie',
      async () => (await encode({ token: claims, secret })).slice(0, -4) + 'AAAA',
    ],
    ['a cookie under another secret', () => encode({ token: claims, secret: `${secret}-other` })],
    ['an expired cookie', () => encode({ token: claims, secret, maxAge: -60 })],
    ['a cookie without the portal claims', () => encode({ token: { sub: 'x' }, secret })],
    ['not a JWE at all', async () => 'not-a-token'],
  ])('%s is signed out', async (_label, make) => {
    expect(await userFromSessionCookie(await make(), secret)).toBeNull();
  });

  it('forgets a cached session once its token has expired', async () => {
    const cookie = await encode({ token: claims, secret, maxAge: 1 });
    expect(await userFromSessionCookie(cookie, secret)).not.toBeNull();
    const now = Date.now();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      expect(await userFromSessionCookie(cookie, secret)).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
