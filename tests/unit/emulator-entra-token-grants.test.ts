import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  LOB_CLIENT_ID,
  PARTNER_A_TENANT_ID,
  PARTNER_B_TENANT_ID,
  PORTAL_CLIENT_ID,
  seedLobApp,
} from '@/emulator/directory/seed';
import { KEY_VAULT, PARTNER_CENTER } from '@/emulator/directory/resource-apps';
import { EntraError } from '@/emulator/entra/http/entra-error';
import { hashSecret } from '@/emulator/entra/state/secrets';
import type { AuthCodeRecord } from '@/emulator/entra/state/types';
import { handleTokenRequest } from '@/emulator/entra/token/handle-token-request';
import { makeEntra } from './emulator-entra-harness';

const ADMIN_A = '9cec40e1-8c0e-4dd0-b9a3-b8dc9bb26805';
const DAY = 86_400_000;
const env = makeEntra();
const { deps, clock } = env;
const portalSecret = deps.directory.portalApp.clientSecret;
const form = 'application/x-www-form-urlencoded';

afterAll(() => env.cleanup());

/** Puts a code in the store as /authorize would (the pages are covered by integration tests). */
function plantCode(code: string, overrides: Partial<AuthCodeRecord> = {}): void {
  const now = clock.now();
  deps.store.data.codes[hashSecret(code)] = {
    clientId: PORTAL_CLIENT_ID,
    redirectUri: 'http://localhost:3000/api/connect/callback',
    issuedPath: PARTNER_A_TENANT_ID,
    tenantId: PARTNER_A_TENANT_ID,
    userOid: ADMIN_A,
    scopes: [
      `${PARTNER_CENTER.identifierUris[0]}/user_impersonation`,
      'openid',
      'profile',
      'offline_access',
    ],
    codeChallenge: createHash('sha256').update('v'.repeat(43)).digest('base64url'),
    codeChallengeMethod: 'S256',
    amr: ['pwd', 'mfa'],
    authTime: now,
    sid: 'sid-1',
    issuedAt: now,
    expiresAt: now + 10 * 60_000,
    ...overrides,
  };
}

function redeem(code: string, extra: Record<string, string> = {}, tenant = PARTNER_A_TENANT_ID) {
  return handleTokenRequest(deps, {
    tenant,
    contentType: form,
    body: {
      grant_type: 'authorization_code',
      client_id: PORTAL_CLIENT_ID,
      client_secret: portalSecret,
      code,
      redirect_uri: 'http://localhost:3000/api/connect/callback',
      code_verifier: 'v'.repeat(43),
      ...extra,
    },
  }) as Promise<Record<string, string>>;
}

function refresh(
  rt: string,
  scope: string,
  tenant = PARTNER_A_TENANT_ID,
  clientId = PORTAL_CLIENT_ID,
  secret = portalSecret,
) {
  return handleTokenRequest(deps, {
    tenant,
    contentType: form,
    body: {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: secret,
      refresh_token: rt,
      scope,
    },
  }) as Promise<Record<string, string>>;
}

async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: number; error: string; suberror?: string; status?: number }> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof EntraError)) throw new Error(`expected an EntraError, got ${String(e)}`);
  return {
    code: e.spec.code,
    error: e.spec.error,
    ...(e.spec.suberror ? { suberror: e.spec.suberror } : {}),
    ...(e.spec.status ? { status: e.spec.status } : {}),
  };
}

const snapshot = () => JSON.stringify(deps.store.data);

beforeAll(() => {
  // Partner A's admin consented (as the connect flow does) to Partner Center and Key Vault.
  deps.directory.grantConsent(
    PARTNER_A_TENANT_ID,
    PORTAL_CLIENT_ID,
    ADMIN_A,
    new Map([
      [PARTNER_CENTER.appId, ['user_impersonation']],
      [KEY_VAULT.appId, ['user_impersonation']],
      ['00000003-0000-0000-c000-000000000000', ['openid', 'profile', 'offline_access']],
    ]),
    clock.now(),
  );
});

describe('authorization_code', () => {
  test('single use: the second redemption gets AADSTS54005', async () => {
    plantCode('c-single');
    const body = await redeem('c-single');
    expect(decodeJwt(body.access_token!)).toMatchObject({
      aud: PARTNER_CENTER.identifierUris[0],
      amr: ['pwd', 'mfa'],
      ver: '1.0',
    });
    expect(body.refresh_token).toMatch(/^1\.AR/);
    expect(await errorOf(redeem('c-single'))).toEqual({ code: 54005, error: 'invalid_grant' });
  });

  test('10 minutes: expired → AADSTS70008 and the record is untouched', async () => {
    plantCode('c-old', { issuedAt: clock.now() - 11 * 60_000, expiresAt: clock.now() - 60_000 });
    const before = snapshot();
    expect(await errorOf(redeem('c-old'))).toEqual({ code: 70008, error: 'invalid_grant' });
    expect(snapshot()).toBe(before);
  });

  test('PKCE S256 binding: a wrong or missing verifier → AADSTS501481, then the right one works', async () => {
    plantCode('c-pkce');
    const before = snapshot();
    expect(await errorOf(redeem('c-pkce', { code_verifier: 'w'.repeat(43) }))).toEqual({
      code: 501481,
      error: 'invalid_grant',
    });
    expect(await errorOf(redeem('c-pkce', { code_verifier: '' }))).toEqual({
      code: 501481,
      error: 'invalid_grant',
    });
    expect(snapshot()).toBe(before);
    await expect(redeem('c-pkce')).resolves.toHaveProperty('access_token');
  });

  test('plain PKCE compares the verifier itself', async () => {
    plantCode('c-plain', { codeChallenge: 'p'.repeat(43), codeChallengeMethod: 'plain' });
    expect(await errorOf(redeem('c-plain'))).toEqual({ code: 501481, error: 'invalid_grant' });
    await expect(redeem('c-plain', { code_verifier: 'p'.repeat(43) })).resolves.toHaveProperty(
      'access_token',
    );
  });

  test('bound to tenant path, client and redirect URI', async () => {
    plantCode('c-bound');
    expect(await errorOf(redeem('c-bound', {}, PARTNER_B_TENANT_ID))).toEqual({
      code: 700005,
      error: 'invalid_grant',
    });
    expect(
      await errorOf(redeem('c-bound', { redirect_uri: 'http://localhost:3000/other' })),
    ).toEqual({ code: 500112, error: 'invalid_client' });
    const lob = seedLobApp();
    expect(
      await errorOf(
        redeem('c-bound', { client_id: LOB_CLIENT_ID, client_secret: lob.secrets[0]! }),
      ),
    ).toEqual({ code: 70000, error: 'invalid_grant' });
    await expect(redeem('c-bound')).resolves.toHaveProperty('access_token');
  });

  test('client authentication: wrong secret 401/7000215, missing 401/7000218, Basic with URL-encoded halves', async () => {
    plantCode('c-auth');
    expect(await errorOf(redeem('c-auth', { client_secret: 'nope' }))).toEqual({
      code: 7000215,
      error: 'invalid_client',
      status: 401,
    });
    expect(await errorOf(redeem('c-auth', { client_secret: '' }))).toEqual({
      code: 7000218,
      error: 'invalid_client',
      status: 401,
    });
    const basic = Buffer.from(
      `${PORTAL_CLIENT_ID}:${encodeURIComponent(portalSecret).replace('~', '%7E')}`,
    ).toString('base64');
    const body = await handleTokenRequest(deps, {
      tenant: PARTNER_A_TENANT_ID,
      contentType: form,
      authorization: `Basic ${basic}`,
      body: {
        grant_type: 'authorization_code',
        code: 'c-auth',
        redirect_uri: 'http://localhost:3000/api/connect/callback',
        code_verifier: 'v'.repeat(43),
      },
    });
    expect(body).toHaveProperty('access_token');
  });

  test('malformed bodies', async () => {
    expect(
      await errorOf(
        handleTokenRequest(deps, {
          tenant: PARTNER_A_TENANT_ID,
          contentType: 'application/json',
          body: '{"grant_type":"client_credentials"}',
        }),
      ),
    ).toEqual({ code: 900144, error: 'invalid_request' });
    expect(
      await errorOf(
        handleTokenRequest(deps, {
          tenant: PARTNER_A_TENANT_ID,
          contentType: form,
          body: { grant_type: ['a', 'b'] },
        }),
      ),
    ).toEqual({ code: 9002313, error: 'invalid_request' });
    expect(
      await errorOf(
        handleTokenRequest(deps, {
          tenant: PARTNER_A_TENANT_ID,
          contentType: form,
          authorization: 'Basic !!!',
          body: { grant_type: 'client_credentials' },
        }),
      ),
    ).toEqual({ code: 9002313, error: 'invalid_request' });
  });
});

describe('refresh_token', () => {
  let rt: string;
  beforeEach(async () => {
    const code = `c-rt-${Math.random()}`;
    plantCode(code, { authTime: clock.now() });
    rt = (await redeem(code)).refresh_token!;
  });

  test('rotates on every use and the old token stays valid; works for a second consented resource', async () => {
    const kv = await refresh(
      rt,
      `${KEY_VAULT.identifierUris[0]}/user_impersonation openid offline_access`,
    );
    expect(kv.refresh_token).not.toBe(rt);
    expect(decodeJwt(kv.access_token!)).toMatchObject({
      aud: KEY_VAULT.identifierUris[0],
      amr: ['pwd', 'mfa'],
      scp: 'user_impersonation',
    });
    const again = await refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`);
    expect(decodeJwt(again.access_token!).aud).toBe(PARTNER_CENTER.identifierUris[0]);
    await expect(
      refresh(kv.refresh_token!, `${PARTNER_CENTER.identifierUris[0]}/.default`),
    ).resolves.toHaveProperty('access_token');
  });

  test('90 days without use → AADSTS700082; a use just inside the window slides it', async () => {
    clock.advance(90 * DAY - 1000);
    const kept = await refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`);
    // That use restarted rt's window: 60 more days (150 since issue) is still fine.
    clock.advance(60 * DAY);
    const slid = await refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`);
    expect(slid).toHaveProperty('access_token');
    clock.advance(90 * DAY + 1000);
    const before = snapshot();
    expect(await errorOf(refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`))).toEqual({
      code: 700082,
      error: 'invalid_grant',
    });
    expect(
      await errorOf(refresh(kept.refresh_token!, `${PARTNER_CENTER.identifierUris[0]}/.default`)),
    ).toEqual({ code: 700082, error: 'invalid_grant' });
    expect(snapshot()).toBe(before);
  });

  test('revocation → AADSTS50173; a sign-in after the revocation is fine', async () => {
    clock.advance(1000);
    deps.directory.revokeSessions(ADMIN_A, clock.now());
    expect(await errorOf(refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`))).toEqual({
      code: 50173,
      error: 'invalid_grant',
    });
    clock.advance(1000);
    const code = `c-after-${Math.random()}`;
    plantCode(code, { authTime: clock.now() });
    const fresh = (await redeem(code)).refresh_token!;
    await expect(
      refresh(fresh, `${PARTNER_CENTER.identifierUris[0]}/.default`),
    ).resolves.toHaveProperty('access_token');
  });

  test('a resource without consent → AADSTS65001 with suberror consent_required, nothing changes', async () => {
    const before = snapshot();
    expect(await errorOf(refresh(rt, 'User.Read offline_access'))).toEqual({
      code: 65001,
      error: 'invalid_grant',
      suberror: 'consent_required',
    });
    expect(snapshot()).toBe(before);
  });

  test('bound to its client and to the user’s tenant', async () => {
    const lob = seedLobApp();
    expect(
      await errorOf(
        refresh(
          rt,
          `${PARTNER_CENTER.identifierUris[0]}/.default`,
          PARTNER_A_TENANT_ID,
          LOB_CLIENT_ID,
          lob.secrets[0]!,
        ),
      ),
    ).toEqual({ code: 70000, error: 'invalid_grant' });
    expect(
      await errorOf(
        refresh(rt, `${PARTNER_CENTER.identifierUris[0]}/.default`, PARTNER_B_TENANT_ID),
      ),
    ).toEqual({ code: 50020, error: 'invalid_grant' });
  });

  test('refresh tokens are stored only as hashes', () => {
    expect(JSON.stringify(deps.store.data)).not.toContain(rt);
    expect(rt.split('.')).toHaveLength(2);
    expect(rt.length).toBeGreaterThan(200);
  });
});

describe('client_credentials', () => {
  const cc = (tenant: string, scope = `${KEY_VAULT.identifierUris[0]}/.default`) =>
    handleTokenRequest(deps, {
      tenant,
      contentType: form,
      body: {
        grant_type: 'client_credentials',
        client_id: PORTAL_CLIENT_ID,
        client_secret: portalSecret,
        scope,
      },
    }) as Promise<Record<string, string>>;

  test('only where the app has a service principal; oid is that service principal', async () => {
    expect(await errorOf(cc(PARTNER_B_TENANT_ID))).toEqual({
      code: 700016,
      error: 'unauthorized_client',
    });
    const body = await cc(PARTNER_A_TENANT_ID); // consented above, so the SP exists
    const claims = decodeJwt(body.access_token!);
    expect(claims).toMatchObject({
      idtyp: 'app',
      oid: deps.directory.servicePrincipalId(PORTAL_CLIENT_ID, PARTNER_A_TENANT_ID),
      tid: PARTNER_A_TENANT_ID,
    });
    expect(claims.scp).toBeUndefined();
    expect(body).not.toHaveProperty('refresh_token');
  });

  test('never over common or organizations', async () => {
    expect(await errorOf(cc('common'))).toEqual({ code: 9001023, error: 'invalid_request' });
    expect(await errorOf(cc('organizations'))).toEqual({ code: 9001023, error: 'invalid_request' });
  });
});
