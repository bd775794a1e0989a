import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { verifyIdToken } from '@/lib/auth/verify-id-token';
import { decideSignIn, notConnectedUrl } from '@/lib/auth/sign-in-policy';
import { GLOBAL_ADMIN_WID, isOperatorClaims, isPartnerAdminClaims } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session-user';

const HOST = 'https://login.example.test';
const CLIENT_ID = toTenantId('11111111-1111-4111-8111-111111111111');
const TENANT_A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const TENANT_B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const HOME = toTenantId('cccccccc-cccc-4ccc-8ccc-cccccccccccc');

let keys: ReturnType<typeof createLocalJWKSet>;
let sign: (
  claims: Record<string, unknown>,
  opts?: { expiresIn?: string; alg?: string },
) => Promise<string>;
let foreignSign: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  keys = createLocalJWKSet({ keys: [jwk] });
  sign = (claims, opts = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '1h')
      .sign(privateKey);
  const other = await generateKeyPair('RS256');
  foreignSign = (claims) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(other.privateKey);
});

const claims = (over: Record<string, unknown> = {}) => ({
  iss: `${HOST}/${TENANT_A}/v2.0`,
  aud: CLIENT_ID,
  sub: 'pairwise-sub',
  tid: TENANT_A,
  oid: 'user-oid-1',
  name: 'Ada Staff',
  preferred_username: 'ada@a.example',
  roles: ['Portal.Staff'],
  nonce: 'n-1',
  ver: '2.0',
  ...over,
});
const opts = { clientId: CLIENT_ID, authorityHost: HOST, nonce: 'n-1' };

async function rejection(token: string, o = opts): Promise<string> {
  try {
    await verifyIdToken(token, keys, o);
  } catch (e) {
    return (e as Error & { code: string }).code + ': ' + (e as Error).message;
  }
  return 'accepted';
}

describe('verifyIdToken: multi-tenant issuer rule', () => {
  it('accepts iss == <host>/<tid>/v2.0 and returns the identity', async () => {
    const identity = await verifyIdToken(
      await sign(claims({ wids: [GLOBAL_ADMIN_WID] })),
      keys,
      opts,
    );
    expect(identity).toEqual({
      tid: TENANT_A,
      oid: 'user-oid-1',
      name: 'Ada Staff',
      upn: 'ada@a.example',
      roles: ['Portal.Staff'],
      wids: [GLOBAL_ADMIN_WID],
    });
  });

  it('accepts a trailing slash on the configured authority host', async () => {
    await expect(
      verifyIdToken(await sign(claims()), keys, { ...opts, authorityHost: `${HOST}/` }),
    ).resolves.toMatchObject({ tid: TENANT_A });
  });

  it.each([
    ['the templated metadata issuer', { iss: `${HOST}/{tenantid}/v2.0` }],
    ['an issuer naming another tenant than tid', { iss: `${HOST}/${TENANT_B}/v2.0` }],
    ['a tid that disagrees with the issuer', { tid: TENANT_B }],
    ['the v1 issuer', { iss: `https://sts.windows.net/${TENANT_A}/` }],
    ['another host', { iss: `https://login.microsoftonline.com/${TENANT_A}/v2.0` }],
    ['the organizations path as issuer', { iss: `${HOST}/organizations/v2.0` }],
  ])('rejects %s', async (_label, over) => {
    expect(await rejection(await sign(claims(over)))).toMatch(/^auth_invalid_id_token: .*issuer/);
  });

  it('rejects a tid that is not a GUID even if the issuer matches it', async () => {
    expect(
      await rejection(await sign(claims({ tid: 'common', iss: `${HOST}/common/v2.0` }))),
    ).toMatch(/tid is not a tenant GUID/);
  });

  it('rejects a missing tid', async () => {
    expect(await rejection(await sign(claims({ tid: undefined })))).toMatch(
      /auth_invalid_id_token/,
    );
  });
});

describe('verifyIdToken: signature, audience, expiry, nonce', () => {
  it('rejects a token signed by a key not in the JWKS', async () => {
    expect(await rejection(await foreignSign(claims()))).toMatch(/signature invalid/);
  });

  it('rejects another application’s audience', async () => {
    expect(
      await rejection(await sign(claims({ aud: '22222222-2222-4222-8222-222222222222' }))),
    ).toMatch(/claim aud failed/);
  });

  it('rejects an expired token', async () => {
    const token = await sign(claims(), { expiresIn: '1h' });
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await rejection(token, { ...opts, currentDate: later } as typeof opts)).toMatch(
      /token expired/,
    );
  });

  it('rejects a nonce from another sign-in', async () => {
    expect(await rejection(await sign(claims({ nonce: 'other' })))).toMatch(/nonce mismatch/);
  });

  it('rejects an unsigned (alg none) token', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) })}.`;
    expect(await rejection(unsigned)).toMatch(/auth_invalid_id_token/);
  });
});

describe('roles', () => {
  it('treats Global Administrator wids or Portal.Admin as partner admin', () => {
    expect(isPartnerAdminClaims({ roles: [], wids: [GLOBAL_ADMIN_WID] })).toBe(true);
    expect(isPartnerAdminClaims({ roles: ['Portal.Admin'], wids: [] })).toBe(true);
    expect(
      isPartnerAdminClaims({
        roles: ['Portal.Staff'],
        wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'],
      }),
    ).toBe(false);
  });

  it('makes operators only of home-tenant users with Portal.Operator', () => {
    expect(isOperatorClaims({ tid: HOME, roles: ['Portal.Operator'] }, HOME)).toBe(true);
    expect(
      isOperatorClaims({ tid: toTenantId(HOME.toUpperCase()), roles: ['Portal.Operator'] }, HOME),
    ).toBe(true);
    expect(isOperatorClaims({ tid: TENANT_A, roles: ['Portal.Operator'] }, HOME)).toBe(false);
    expect(isOperatorClaims({ tid: HOME, roles: [] }, HOME)).toBe(false);
  });
});

describe('sign-in policy: tid must be a connected tenant, or home for operators', () => {
  const user = (over: Partial<SessionUser> = {}): SessionUser => ({
    tid: TENANT_A,
    oid: 'o',
    sid: 'test-session-0123456789',
    name: 'n',
    upn: 'u',
    roles: [],
    isPartnerAdmin: false,
    isOperator: false,
    ...over,
  });
  const connected = new Set([TENANT_A]);
  const deps = { homeTenantId: HOME, isTenantConnected: async (t: TenantId) => connected.has(t) };

  it('admits staff of a connected tenant', async () => {
    expect(await decideSignIn(user(), deps)).toEqual({ allowed: true });
  });

  it('turns away a tenant with no stored connection', async () => {
    expect(await decideSignIn(user({ tid: TENANT_B }), deps)).toEqual({
      allowed: false,
      reason: 'tenant_not_connected',
    });
  });

  it('admits home-tenant operators without a connection, but not other home-tenant users', async () => {
    expect(await decideSignIn(user({ tid: HOME, isOperator: true }), deps)).toEqual({
      allowed: true,
    });
    expect(await decideSignIn(user({ tid: HOME }), deps)).toEqual({
      allowed: false,
      reason: 'home_tenant_not_operator',
    });
  });

  it('offers the connect link only to admins, naming only their own tenant', () => {
    expect(
      notConnectedUrl(user({ tid: TENANT_B, isPartnerAdmin: true }), 'tenant_not_connected'),
    ).toBe(`/not-connected?reason=tenant_not_connected&tenant=${TENANT_B}&admin=1`);
    expect(notConnectedUrl(user({ tid: TENANT_B }), 'tenant_not_connected')).not.toContain('admin');
  });
});
