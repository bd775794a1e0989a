import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  type Configuration,
} from '@azure/msal-node';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';
import { KEY_VAULT, PARTNER_CENTER, v1Issuer, verifyWithJwks } from './entra-token-checks';

/**
 * msal-node's ConfidentialClientApplication with the portal app's registered certificate and no
 * secret: client credentials, code redemption and refresh-token redemption all authenticate with
 * a client assertion (PS256 + x5t#S256 as MSAL Node 3+ signs it; RS256 + x5t with the SHA-1
 * thumbprint MSAL still accepts).
 */
const m = loadManifest();
const { home, partnerA } = seededTenants(m);
const host = new URL(m.entra.authorityHost).host;
const redirectUri = m.portalApp.redirectUris[0]!;
const PC_SCOPE = `${PARTNER_CENTER}/user_impersonation`;
const KV_SCOPE = `${KEY_VAULT}/user_impersonation`;

const pem = readFileSync(m.portalApp.certificatePath!, 'utf8');
const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)![0];
const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)![0];
const der = new X509Certificate(certPem).raw;
const SHA256 = createHash('sha256').update(der).digest('hex');
const SHA1 = createHash('sha1').update(der).digest('hex');

type ClientCertificate = NonNullable<Configuration['auth']['clientCertificate']>;

function cca(
  tenant: string,
  clientCertificate: ClientCertificate = {
    thumbprintSha256: SHA256,
    privateKey: keyPem,
    x5c: certPem,
  },
) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: m.portalApp.clientId,
      authority: `${m.entra.authorityHost}/${tenant}`,
      knownAuthorities: [host],
      clientCertificate,
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

/** Token-endpoint answers by grant type, from the control API's request counts. */
async function tokenCounts(): Promise<Record<string, number>> {
  const counts = await control.stats();
  return Object.fromEntries(
    Object.entries(counts).filter(([k]) => k.startsWith('entra POST /:tenant/oauth2/v2.0/token')),
  );
}

test('the manifest names the certificate file: certificate and private key in one PEM', () => {
  expect(m.portalApp.certificatePath).toMatch(/portal-app-cert\.pem$/);
  expect(new X509Certificate(certPem).subject).toContain('Partner Portal');
});

test('client credentials with thumbprintSha256 (PS256): Key Vault token for the app in its home tenant', async () => {
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
    appidacr: '2',
    tid: home.id,
  });
});

test('client credentials with the SHA-1 thumbprint (RS256, x5t): Partner Center token', async () => {
  const app = cca(home.id, { thumbprint: SHA1, privateKey: keyPem });
  const result = await app.acquireTokenByClientCredential({
    scopes: [`${PARTNER_CENTER}/.default`],
  });
  expect(result?.accessToken).toBeTruthy();
});

test('auth code and refresh token redeemed with the certificate: the refresh yields a second resource', async () => {
  await control.resetStats();
  const user = seededUser(partnerA, 'nomfa');
  const app = cca(partnerA.id);
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const url = await app.getAuthCodeUrl({
    scopes: [PC_SCOPE, KV_SCOPE],
    redirectUri,
    state,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    responseMode: 'query',
  });
  const signIn = await driveSignIn(url, user, { consent: 'accept' });
  const code = signIn.redirect!.searchParams.get('code')!;
  const byCode = await app.acquireTokenByCode(
    { code, scopes: [PC_SCOPE], redirectUri, codeVerifier: verifier, state },
    { code, state },
  );
  expect(byCode.account?.homeAccountId).toBe(`${user.oid}.${partnerA.id}`);

  const refreshed = await cca(partnerA.id).acquireTokenByRefreshToken({
    refreshToken: refreshTokenOf(app),
    scopes: [KV_SCOPE],
  });
  const claims = await verifyWithJwks(m, refreshed!.accessToken, {
    tenantId: partnerA.id,
    issuer: v1Issuer(partnerA.id),
    audience: KEY_VAULT,
  });
  expect(claims).toMatchObject({
    oid: user.oid,
    appid: m.portalApp.clientId,
    appidacr: '2',
    scp: 'user_impersonation',
  });
  expect(await tokenCounts()).toEqual({
    'entra POST /:tenant/oauth2/v2.0/token 200 grant_type=authorization_code': 1,
    'entra POST /:tenant/oauth2/v2.0/token 200 grant_type=refresh_token': 1,
  });
});
