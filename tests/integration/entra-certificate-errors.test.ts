import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import { ensureAppCertificate } from '@/emulator/directory/app-certificate';
import { LOB_CLIENT_ID } from '@/emulator/directory/seed';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import {
  codeForm,
  entraState,
  ERROR_DESCRIPTION,
  signInForCode,
  tokenRequest,
} from './entra-raw-client';
import { KEY_VAULT, PARTNER_CENTER } from './entra-token-checks';

/**
 * Bad client assertions over the wire: each gets Entra's exact error (HTTP 401, invalid_client,
 * the AADSTS code in error_codes and the description) and changes nothing in the emulator's
 * state; the code or refresh token involved still redeems with a good assertion afterwards.
 */
const m = loadManifest();
const { home, partnerA } = seededTenants(m);
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const otherDir = mkdtempSync(join(tmpdir(), 'entra-cert-errors-'));
const unregistered = ensureAppCertificate(otherDir, 'unregistered', 'Not registered', Date.now());
afterAll(() => rmSync(otherDir, { recursive: true, force: true }));

function pemParts(path: string) {
  const pem = readFileSync(path, 'utf8');
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)![0];
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)![0];
  return { keyPem, der: new X509Certificate(certPem).raw };
}

/** An assertion for `tenant`'s token endpoint as MSAL Node signs it (PS256, x5t#S256, ten minutes). */
async function assertion(
  tenant: string,
  o: { signer?: string; claims?: JWTPayload } = {},
): Promise<string> {
  const { keyPem, der } = pemParts(o.signer ?? m.portalApp.certificatePath!);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: `${m.entra.authorityHost}/${tenant}/oauth2/v2.0/token`,
    iss: m.portalApp.clientId,
    sub: m.portalApp.clientId,
    jti: randomUUID(),
    nbf: now,
    exp: now + 600,
    ...o.claims,
  };
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: 'PS256',
      typ: 'JWT',
      'x5t#S256': createHash('sha256').update(der).digest('base64url'),
    })
    .sign(await importPKCS8(keyPem, 'PS256'));
}

const withAssertion = (form: Record<string, string>, jwt: string) => {
  const { client_secret: _secret, ...rest } = form;
  return { ...rest, client_assertion_type: JWT_BEARER, client_assertion: jwt };
};

const appToken = (jwt: string) => ({
  client_id: m.portalApp.clientId,
  grant_type: 'client_credentials',
  scope: `${KEY_VAULT}/.default`,
  client_assertion_type: JWT_BEARER,
  client_assertion: jwt,
});

async function expectRefusal(
  tenant: string,
  body: Record<string, string>,
  code: number,
): Promise<string> {
  const before = await entraState(m);
  const res = await tokenRequest(m, tenant, body);
  expect({ status: res.status, error: res.json.error, codes: res.json.error_codes }).toEqual({
    status: 401,
    error: 'invalid_client',
    codes: [code],
  });
  expect(res.json.error_description).toMatch(ERROR_DESCRIPTION(code));
  expect((await entraState(m)).digest).toBe(before.digest);
  return res.json.error_description!;
}

describe('client credentials with a bad assertion', () => {
  test('an assertion for another client (iss = sub = another app) → AADSTS700021', async () => {
    const jwt = await assertion(home.id, { claims: { iss: LOB_CLIENT_ID, sub: LOB_CLIENT_ID } });
    const text = await expectRefusal(home.id, appToken(jwt), 700021);
    expect(text).toContain(
      "Client assertion application identifier doesn't match 'client_id' parameter.",
    );
  });

  test('an expired assertion → AADSTS700024', async () => {
    const now = Math.floor(Date.now() / 1000);
    const text = await expectRefusal(
      home.id,
      appToken(await assertion(home.id, { claims: { nbf: now - 3600, exp: now - 3000 } })),
      700024,
    );
    expect(text).toContain('Client assertion is not within its valid time range.');
  });

  test('signed by a certificate not registered on the app → AADSTS700027', async () => {
    const text = await expectRefusal(
      home.id,
      appToken(await assertion(home.id, { signer: unregistered.path })),
      700027,
    );
    expect(text).toContain('[Reason - The key was not found.');
  });

  test('addressed to another tenant’s token endpoint → AADSTS700023', async () => {
    await expectRefusal(home.id, appToken(await assertion(partnerA.id)), 700023);
  });
});

describe('code and refresh-token redemption with a bad assertion leave the grant usable', () => {
  test('unregistered key on a code, expired assertion on a refresh: both refused, both then redeem with a good assertion', async () => {
    const grant = await signInForCode(
      m,
      partnerA.id,
      seededUser(partnerA, 'nomfa'),
      `${PARTNER_CENTER}/user_impersonation openid profile offline_access`,
    );
    await expectRefusal(
      partnerA.id,
      withAssertion(
        codeForm(m, grant),
        await assertion(partnerA.id, { signer: unregistered.path }),
      ),
      700027,
    );
    const ok = await tokenRequest(
      m,
      partnerA.id,
      withAssertion(codeForm(m, grant), await assertion(partnerA.id)),
    );
    expect([ok.status, ok.json.error_codes]).toEqual([200, undefined]);
    const refreshToken = String(ok.json.refresh_token);

    const refresh = {
      client_id: m.portalApp.clientId,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: `${PARTNER_CENTER}/user_impersonation`,
    };
    const now = Math.floor(Date.now() / 1000);
    await expectRefusal(
      partnerA.id,
      withAssertion(
        refresh,
        await assertion(partnerA.id, { claims: { nbf: now - 7200, exp: now - 3600 } }),
      ),
      700024,
    );
    const again = await tokenRequest(
      m,
      partnerA.id,
      withAssertion(refresh, await assertion(partnerA.id)),
    );
    expect([again.status, again.json.error_codes]).toEqual([200, undefined]);
  });
});
