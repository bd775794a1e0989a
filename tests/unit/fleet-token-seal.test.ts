import { randomBytes } from 'node:crypto';
import { openToken, sealToken, tokenKeyFrom, type TokenKey } from '@/lib/tokens/token-seal';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PC = 'https://api.partnercenter.microsoft.com';
const GRAPH = 'https://graph.microsoft.com';
const SECRET = 'x'.repeat(40);
const key: TokenKey = { id: 'k1', key: randomBytes(32) };
const binding = { tenantId: A, resource: PC, expiresAt: 1_800_000_000_000 };

describe('sealing shared access tokens (AES-256-GCM)', () => {
  it('opens what it sealed, and the sealed bytes do not contain the token', () => {
    const sealed = sealToken(key, binding, 'eyJ.access.token');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed.includes(Buffer.from('eyJ.access.token'))).toBe(false);
    expect(openToken(key, binding, sealed)).toBe('eyJ.access.token');
  });

  it('uses a fresh IV each time', () => {
    const one = sealToken(key, binding, 't');
    const two = sealToken(key, binding, 't');
    expect(one.sealed.equals(two.sealed)).toBe(false);
  });

  it.each([
    ['another partner tenant', { ...binding, tenantId: B }],
    ['another resource', { ...binding, resource: GRAPH }],
    ['a later expiry', { ...binding, expiresAt: binding.expiresAt + 1 }],
  ])('refuses a row moved to %s', (_, other) => {
    expect(openToken(key, other, sealToken(key, binding, 't'))).toBeUndefined();
  });

  it('treats tenant ids case-insensitively', () => {
    const sealed = sealToken(key, binding, 't');
    expect(openToken(key, { ...binding, tenantId: A.toUpperCase() }, sealed)).toBe('t');
  });

  it('refuses a row under an unknown key id, or sealed by another key under the same id', () => {
    const sealed = sealToken(key, binding, 't');
    expect(openToken({ id: 'k2', key: key.key }, binding, sealed)).toBeUndefined();
    expect(openToken({ id: 'k1', key: randomBytes(32) }, binding, sealed)).toBeUndefined();
  });

  it.each([
    ['a flipped ciphertext bit', (b: Buffer) => (b[b.length - 1]! ^= 1)],
    ['a flipped tag bit', (b: Buffer) => (b[12]! ^= 1)],
    ['a flipped IV bit', (b: Buffer) => (b[0]! ^= 1)],
  ])('refuses %s', (_, tamper) => {
    const sealed = sealToken(key, binding, 'token');
    tamper(sealed.sealed);
    expect(openToken(key, binding, sealed)).toBeUndefined();
  });

  it('refuses truncated rows', () => {
    expect(openToken(key, binding, { keyId: 'k1', sealed: Buffer.alloc(28) })).toBeUndefined();
  });
});

describe('the sealing key from configuration', () => {
  it('takes TOKEN_ENCRYPTION_KEY and its id', () => {
    const raw = randomBytes(32);
    const k = tokenKeyFrom({
      TOKEN_ENCRYPTION_KEY: raw.toString('base64'),
      TOKEN_ENCRYPTION_KEY_ID: '2026-11',
      NEXTAUTH_SECRET: SECRET,
    });
    expect(k).toEqual({ id: '2026-11', key: raw });
  });

  it('derives a key from NEXTAUTH_SECRET when none is set, with an id that changes with it', () => {
    const one = tokenKeyFrom({ NEXTAUTH_SECRET: SECRET });
    const same = tokenKeyFrom({ NEXTAUTH_SECRET: SECRET });
    const other = tokenKeyFrom({ NEXTAUTH_SECRET: 'y'.repeat(40) });
    expect(one).toEqual(same);
    expect(one.key).toHaveLength(32);
    expect(one.id).toMatch(/^fp-[0-9a-f]{12}$/);
    expect(other.id).not.toBe(one.id);
    expect(one.key.toString('hex')).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  it('refuses a key that is not 32 bytes, and a malformed key id', () => {
    expect(() =>
      tokenKeyFrom({
        TOKEN_ENCRYPTION_KEY: randomBytes(16).toString('base64'),
        NEXTAUTH_SECRET: SECRET,
      }),
    ).toThrow(/32 bytes/);
    expect(() =>
      tokenKeyFrom({
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        TOKEN_ENCRYPTION_KEY_ID: 'has space',
        NEXTAUTH_SECRET: SECRET,
      }),
    ).toThrow(/KEY_ID/);
  });
});
