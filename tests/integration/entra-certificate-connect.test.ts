import { CryptoProvider } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { getConfig } from '@/lib/config';
import { createMsalClient } from '@/lib/entra/create-msal-client';
import { redeemAuthCode } from '@/lib/entra/redeem-auth-code';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { withPortalEnv } from '../support/with-portal-env';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';
import { PARTNER_CENTER } from './entra-token-checks';

/**
 * The connect flow's token calls through the portal's own lib/entra with only a certificate
 * configured: the authorize URL and code redemption on `organizations` (the assertion's `aud` is
 * that endpoint), then the stored refresh token redeemed against the partner's tenant.
 */
const m = loadManifest();
const { partnerA } = seededTenants(m);
const PC_SCOPE = `${PARTNER_CENTER}/user_impersonation`;
withPortalEnv({
  ENTRA_CLIENT_SECRET: undefined,
  ENTRA_CLIENT_CERTIFICATE_PATH: m.portalApp.certificatePath!,
});

test('code on organizations, then refresh in the partner tenant, both authenticated by certificate', async () => {
  expect(getConfig().ENTRA_CLIENT_SECRET).toBeUndefined();
  const redirectUri = `${getConfig().PORTAL_URL}/api/connect/callback`;
  const user = seededUser(partnerA, 'nomfa');
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const nonce = 'connect-nonce';
  const url = await createMsalClient('organizations').getAuthCodeUrl({
    scopes: [PC_SCOPE],
    redirectUri,
    responseMode: 'query',
    state: 's',
    nonce,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
  });
  const signIn = await driveSignIn(url, user, { consent: 'accept' });
  const code = signIn.redirect!.searchParams.get('code')!;

  const redeemed = await redeemAuthCode({
    code,
    codeVerifier: verifier,
    nonce,
    redirectUri,
    scopes: [PC_SCOPE],
  });
  expect(redeemed.claims).toMatchObject({ tid: partnerA.id, oid: user.oid });
  expect(decodeJwt(redeemed.accessToken).appidacr).toBe('2');
  expect(redeemed.refreshToken).toBeTruthy();

  const refreshed = await redeemRefreshToken({
    tenantId: partnerA.id,
    refreshToken: redeemed.refreshToken!,
    scopes: [PC_SCOPE],
  });
  expect(decodeJwt(refreshed.accessToken)).toMatchObject({
    aud: PARTNER_CENTER,
    tid: partnerA.id,
    oid: user.oid,
    appidacr: '2',
  });
  expect(refreshed.refreshToken).not.toBe(redeemed.refreshToken);
});
