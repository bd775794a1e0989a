import { randomUUID } from 'node:crypto';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  InteractionRequiredAuthError,
} from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';
import {
  GLOBAL_ADMIN,
  headerOf,
  KEY_VAULT,
  PARTNER_CENTER,
  v1Issuer,
  v2Issuer,
  verifyWithJwks,
} from './entra-token-checks';

/**
 * The real msal-node ConfidentialClientApplication against the emulator: auth-code URL, code
 * redemption with PKCE, refresh for a second resource, and client credentials. Every token is
 * verified against the JWKS and checked per token version.
 */
const m = loadManifest();
const { home, partnerA, partnerB } = seededTenants(m);
const host = new URL(m.entra.authorityHost).host;
const redirectUri = m.portalApp.redirectUris[0]!;
const PC_SCOPE = `${PARTNER_CENTER}/user_impersonation`;
const KV_SCOPE = `${KEY_VAULT}/user_impersonation`;

function cca(tenant: string) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: m.portalApp.clientId,
      clientSecret: m.portalApp.clientSecret,
      authority: `${m.entra.authorityHost}/${tenant}`,
      knownAuthorities: [host],
    },
  });
}

function refreshTokenOf(app: ConfidentialClientApplication): string {
  const cache = JSON.parse(app.getTokenCache().serialize()) as {
    RefreshToken: Record<string, { secret: string }>;
  };
  const rts = Object.values(cache.RefreshToken);
  expect(rts).toHaveLength(1);
  return rts[0]!.secret;
}

async function signInWithMsal(
  tenant: string,
  user: ReturnType<typeof seededUser>,
  scopes: string[],
  consent: 'accept' | 'accept-for-organization' = 'accept',
) {
  const app = cca(tenant);
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const nonce = randomUUID();
  const url = await app.getAuthCodeUrl({
    scopes,
    redirectUri,
    state,
    nonce,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    responseMode: 'query',
  });
  const signIn = await driveSignIn(url, user, { consent });
  expect(signIn.redirect?.toString()).toContain(redirectUri);
  const code = signIn.redirect!.searchParams.get('code')!;
  expect(signIn.redirect!.searchParams.get('state')).toBe(state);
  const result = await app.acquireTokenByCode(
    { code, scopes: [scopes[0]!], redirectUri, codeVerifier: verifier, state, nonce },
    { code, state },
  );
  return { app, result, url, signIn, nonce };
}

describe('msal-node ConfidentialClientApplication against the Entra emulator', () => {
  test('getAuthCodeUrl points at the browser origin with every parameter MSAL sends', async () => {
    const url = new URL(
      await cca(partnerA.id).getAuthCodeUrl({
        scopes: [PC_SCOPE],
        redirectUri,
        state: 's1',
        codeChallenge: 'x'.repeat(43),
        codeChallengeMethod: 'S256',
      }),
    );
    expect(url.origin).toBe(m.entra.browserHost);
    expect(url.pathname).toBe(`/${partnerA.id}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(m.portalApp.clientId);
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining([PC_SCOPE, 'openid', 'profile', 'offline_access']),
    );
    expect(url.searchParams.get('client_info')).toBe('1');
  });

  test('auth code + PKCE + MFA (TOTP) + consent: v1 Partner Center token with amr mfa, v2 ID token without amr', async () => {
    const admin = seededUser(partnerA, 'admin');
    expect(admin.mfa).toBe('totp');
    const { result, signIn, nonce } = await signInWithMsal(partnerA.id, admin, [
      PC_SCOPE,
      KV_SCOPE,
    ]);
    expect(signIn.pages.slice(0, 2)).toEqual(['login', 'mfa']);

    const at = await verifyWithJwks(m, result.accessToken, {
      tenantId: partnerA.id,
      issuer: v1Issuer(partnerA.id),
      audience: PARTNER_CENTER,
    });
    expect(headerOf(result.accessToken)).toMatchObject({
      alg: 'RS256',
      typ: 'JWT',
      x5t: expect.any(String),
      kid: expect.any(String),
    });
    expect(at).toMatchObject({
      ver: '1.0',
      tid: partnerA.id,
      oid: admin.oid,
      appid: m.portalApp.clientId,
      appidacr: '1',
      upn: admin.upn,
      unique_name: admin.upn,
      scp: 'user_impersonation',
    });
    expect(at.amr).toEqual(expect.arrayContaining(['pwd', 'mfa']));
    expect(at.wids).toContain(GLOBAL_ADMIN);
    expect(at.exp! - at.iat!).toBeGreaterThanOrEqual(3599);

    const id = await verifyWithJwks(m, result.idToken, {
      tenantId: partnerA.id,
      issuer: v2Issuer(m, partnerA.id),
      audience: m.portalApp.clientId,
    });
    expect(headerOf(result.idToken).x5t).toBeUndefined();
    expect(id).toMatchObject({
      ver: '2.0',
      tid: partnerA.id,
      oid: admin.oid,
      preferred_username: admin.upn,
      nonce,
    });
    expect(id.amr).toBeUndefined();
    expect(id.at_hash).toBeUndefined();
    expect(id.c_hash).toBeUndefined();
    expect(result.account?.homeAccountId).toBe(`${admin.oid}.${partnerA.id}`);
    expect(result.tenantId).toBe(partnerA.id);
  });

  test('acquireTokenByRefreshToken for a second resource (Key Vault), inheriting the sign-in amr; unconsented resource → consent_required', async () => {
    const admin = seededUser(partnerA, 'admin');
    const { app } = await signInWithMsal(partnerA.id, admin, [PC_SCOPE, KV_SCOPE]);
    const rt = refreshTokenOf(app);
    expect(rt.split('.')).not.toHaveLength(3); // opaque, not a JWT
    const fresh = cca(partnerA.id);
    // forceCache: a fresh MSAL cache only stores refreshed tokens when asked to (MSAL's own rule).
    const kv = await fresh.acquireTokenByRefreshToken({
      refreshToken: rt,
      scopes: [KV_SCOPE],
      forceCache: true,
    });
    const claims = await verifyWithJwks(m, kv!.accessToken, {
      tenantId: partnerA.id,
      issuer: v1Issuer(partnerA.id),
      audience: KEY_VAULT,
    });
    expect(claims).toMatchObject({ ver: '1.0', oid: admin.oid, scp: 'user_impersonation' });
    expect(claims.amr).toContain('mfa');
    const rotated = refreshTokenOf(fresh);
    expect(rotated).not.toBe(rt);

    // The old refresh token still works after rotation (Entra keeps it valid).
    const again = await cca(partnerA.id).acquireTokenByRefreshToken({
      refreshToken: rt,
      scopes: [PC_SCOPE],
    });
    expect(decodeJwt(again!.accessToken).aud).toBe(PARTNER_CENTER);

    const err = await cca(partnerA.id)
      .acquireTokenByRefreshToken({ refreshToken: rt, scopes: ['User.Read'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    expect((err as InteractionRequiredAuthError).subError).toBe('consent_required');
    expect((err as InteractionRequiredAuthError).errorMessage).toContain('AADSTS65001');
  });

  test('approve-method MFA (partner B admin) also yields amr mfa; a user without MFA gets no mfa', async () => {
    const adminB = seededUser(partnerB, 'admin');
    expect(adminB.mfa).toBe('approve');
    const b = await signInWithMsal(partnerB.id, adminB, [PC_SCOPE], 'accept-for-organization');
    expect(decodeJwt(b.result.accessToken).amr).toEqual(expect.arrayContaining(['mfa']));

    const plain = seededUser(partnerB, 'nomfa');
    const n = await signInWithMsal(partnerB.id, plain, [PC_SCOPE]);
    expect(n.signIn.pages).not.toContain('mfa');
    // Partner B's admin consented for the organization, so the user sees no consent page.
    expect(n.signIn.pages).not.toContain('consent');
    const amr = decodeJwt(n.result.accessToken).amr as string[];
    expect(amr).toEqual(['pwd']);
  });

  test('common authority: ID token issuer is the {tenantid} template with the tid substituted', async () => {
    const staff = seededUser(partnerA, 'staff');
    const disc = (await (
      await fetch(`${m.entra.authorityHost}/common/v2.0/.well-known/openid-configuration`)
    ).json()) as { issuer: string };
    expect(disc.issuer).toBe(`${m.entra.authorityHost}/{tenantid}/v2.0`);
    const { result } = await signInWithMsal('common', staff, [PC_SCOPE]);
    const id = decodeJwt(result.idToken);
    expect(id.tid).toBe(partnerA.id);
    expect(id.iss).toBe(disc.issuer.replace('{tenantid}', String(id.tid)));
    expect(id.roles).toEqual(staff.appRoles);
    await verifyWithJwks(m, result.idToken, {
      tenantId: partnerA.id,
      issuer: v2Issuer(m, partnerA.id),
      audience: m.portalApp.clientId,
    });
  });

  test('client credentials: app-only v1 Key Vault token for the portal in its home tenant', async () => {
    const result = await cca(home.id).acquireTokenByClientCredential({
      scopes: [`${KEY_VAULT}/.default`],
    });
    const claims = await verifyWithJwks(m, result!.accessToken, {
      tenantId: home.id,
      issuer: v1Issuer(home.id),
      audience: KEY_VAULT,
    });
    expect(claims).toMatchObject({
      ver: '1.0',
      idtyp: 'app',
      appid: m.portalApp.clientId,
      tid: home.id,
    });
    expect(claims.scp).toBeUndefined();
    const assignment = m.keyVault?.roleAssignments.find((a) => a.appId === m.portalApp.clientId);
    if (assignment) expect(claims.oid).toBe(assignment.principalId);
    expect(claims.oid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
