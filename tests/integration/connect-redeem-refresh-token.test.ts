import type { TenantId } from '@/lib/ids/tenant-id';
import { EntraError } from '@/lib/entra/entra-error';
import { partnerCenterScopes } from '@/lib/entra/partner-center-scopes';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { getRefreshTokenStore } from '@/lib/vault';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

/** The redeemRefreshToken contract against the Entra emulator, with a refresh token the connect flow stored. */
const { partnerA, partnerB } = seededTenants();
const adminA = seededUser(partnerA, 'admin');
let stored: string;

beforeAll(async () => {
  await control.reset();
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, adminA);
  await handleConnectCallback({ query: signIn.redirect!.searchParams, stateCookie: cookie.value });
  stored = (await getRefreshTokenStore().get(partnerA.id))!.refreshToken;
});

test('returns a Partner Center access token, its claims (v1: amr with mfa) and the rotated refresh token', async () => {
  const r = await redeemRefreshToken({
    tenantId: partnerA.id,
    refreshToken: stored,
    scopes: partnerCenterScopes(),
  });
  expect(r.accessToken.split('.')).toHaveLength(3);
  expect(r.expiresOn.getTime()).toBeGreaterThan(Date.now());
  expect(r.refreshToken).not.toBe(stored);
  expect(r.claims).toMatchObject({
    tid: partnerA.id,
    oid: adminA.oid,
    upn: adminA.upn,
    scp: 'user_impersonation',
  });
  expect(r.claims.amr).toContain('mfa');
  // Entra keeps the old refresh token valid after use (so write-behind rotation is safe).
  await expect(
    redeemRefreshToken({
      tenantId: partnerA.id,
      refreshToken: stored,
      scopes: partnerCenterScopes(),
    }),
  ).resolves.toBeDefined();
});

test('never returns a token for another tenant than the one asked for', async () => {
  await expect(
    redeemRefreshToken({
      tenantId: partnerB.id,
      refreshToken: stored,
      scopes: partnerCenterScopes(),
    }),
  ).rejects.toBeInstanceOf(EntraError);
});

test('a malformed tenant id is refused before any request; a garbage token gets Entra’s invalid_grant', async () => {
  await expect(
    redeemRefreshToken({
      tenantId: 'common' as TenantId,
      refreshToken: stored,
      scopes: partnerCenterScopes(),
    }),
  ).rejects.toMatchObject({ error: 'invalid_tenant_id' });
  await expect(
    redeemRefreshToken({
      tenantId: partnerA.id,
      refreshToken: 'not-a-token',
      scopes: partnerCenterScopes(),
    }),
  ).rejects.toMatchObject({
    error: 'invalid_grant',
    grantIsDead: false,
  });
});

test('a revoked user: AADSTS50173, grantIsDead', async () => {
  await control.revokeUser(adminA.upn);
  await expect(
    redeemRefreshToken({
      tenantId: partnerA.id,
      refreshToken: stored,
      scopes: partnerCenterScopes(),
    }),
  ).rejects.toMatchObject({
    aadsts: 50173,
    grantIsDead: true,
    code: 'AADSTS50173',
  });
});
