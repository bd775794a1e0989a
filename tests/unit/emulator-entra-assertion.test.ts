import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, importPKCS8, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { Clock } from '@/emulator/core/clock';
import { SigningKeys } from '@/emulator/core/signing-keys';
import { ensureAppCertificate } from '@/emulator/directory/app-certificate';
import { Directory } from '@/emulator/directory/directory';
import { KEY_VAULT } from '@/emulator/directory/resource-apps';
import {
  HOME_TENANT_ID,
  LOB_CLIENT_ID,
  PARTNER_A_TENANT_ID,
  PORTAL_CLIENT_ID,
  seedRegistrations,
} from '@/emulator/directory/seed';
import { seedDirectoryState } from '@/emulator/directory/seed-state';
import type { EntraDeps } from '@/emulator/entra/entra-deps';
import { EntraError } from '@/emulator/entra/http/entra-error';
import { EntraStore } from '@/emulator/entra/state/store';
import { handleTokenRequest } from '@/emulator/entra/token/handle-token-request';

/**
 * Certificate client authentication in the Entra emulator, driven through handleTokenRequest
 * (no HTTP): the checks Entra makes on a client assertion, each refusal's AADSTS code, and the
 * emulator clock deciding what "expired" means.
 */
const AUTHORITY = 'https://localhost:1';
const TOKEN_ENDPOINT = `${AUTHORITY}/${HOME_TENANT_ID}/oauth2/v2.0/token`;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MINUTE = 60_000;

const stateDir = mkdtempSync(join(tmpdir(), 'entra-assertion-'));
const otherDir = mkdtempSync(join(tmpdir(), 'entra-assertion-other-'));
const clock = new Clock();
const registered = ensureAppCertificate(
  stateDir,
  'portal-app-cert',
  'Partner Portal (emulator)',
  clock.now(),
);
const unregistered = ensureAppCertificate(otherDir, 'portal-app-cert', 'Someone else', clock.now());
const store = new EntraStore(
  undefined,
  () => seedDirectoryState(seedRegistrations('http://localhost:3000'), clock.now()),
  () => clock.now(),
);
const deps: EntraDeps = {
  ctx: {
    clock,
    keys: new SigningKeys(stateDir, clock),
    urls: {
      entra: AUTHORITY,
      entraBrowser: 'http://localhost:2',
      keyVault: 'https://localhost:3',
      partnerCenter: 'https://localhost:4',
      control: 'http://127.0.0.1:5',
      graph: 'https://localhost:6',
    },
  },
  directory: new Directory('http://localhost:3000', store, {
    keyCredentials: { [PORTAL_CLIENT_ID]: [registered.keyCredential] },
  }),
  store,
};

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(otherDir, { recursive: true, force: true });
});
afterEach(() => clock.reset());

function pemParts(path: string): { certPem: string; keyPem: string; der: Buffer } {
  const pem = readFileSync(path, 'utf8');
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)![0];
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)![0];
  return { certPem, keyPem, der: new X509Certificate(certPem).raw };
}

interface AssertionOptions {
  signer?: string;
  alg?: 'RS256' | 'PS256';
  header?: Partial<JWTHeaderParameters> & Record<string, unknown>;
  claims?: JWTPayload;
}

/** An assertion as MSAL builds it: header thumbprint, aud = token endpoint, iss = sub = client, nbf..nbf+10 min. */
async function assertion(o: AssertionOptions = {}): Promise<string> {
  const alg = o.alg ?? 'PS256';
  const { keyPem, der } = pemParts(o.signer ?? registered.path);
  const thumbprint =
    alg === 'PS256'
      ? { 'x5t#S256': createHash('sha256').update(der).digest('base64url') }
      : { x5t: createHash('sha1').update(der).digest('base64url') };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: TOKEN_ENDPOINT,
    iss: PORTAL_CLIENT_ID,
    sub: PORTAL_CLIENT_ID,
    jti: 'a-jti',
    nbf: now,
    exp: now + 600,
    ...o.claims,
  })
    .setProtectedHeader({ alg, typ: 'JWT', ...thumbprint, ...o.header })
    .sign(await importPKCS8(keyPem, alg));
}

function clientCredentials(
  jwt: string,
  extra: Record<string, string> = {},
  tenant = HOME_TENANT_ID,
) {
  return handleTokenRequest(deps, {
    tenant,
    contentType: 'application/x-www-form-urlencoded',
    body: {
      grant_type: 'client_credentials',
      client_id: PORTAL_CLIENT_ID,
      scope: `${KEY_VAULT.identifierUris[0]}/.default`,
      client_assertion_type: JWT_BEARER,
      client_assertion: jwt,
      ...extra,
    },
  });
}

/** The refusal's error, AADSTS code and HTTP status, after checking it left the store as it was. */
async function refusal(
  request: Promise<object>,
): Promise<{ error: string; code: number; status: number; message: string }> {
  const before = JSON.stringify(store.data);
  const e = await request.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof EntraError)) throw new Error(`expected an EntraError, got ${String(e)}`);
  expect(JSON.stringify(store.data)).toBe(before);
  return {
    error: e.spec.error,
    code: e.spec.code,
    status: e.spec.status ?? 400,
    message: e.spec.message,
  };
}

describe('the seeded certificate', () => {
  test('one PEM with the certificate and its PKCS#8 key, mode 0600, reused on the next start', () => {
    const { der } = pemParts(registered.path);
    expect(statSync(registered.path).mode & 0o777).toBe(0o600);
    expect(registered.keyCredential).toMatchObject({
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      key: der.toString('base64'),
    });
    expect(
      registered.keyCredential.endDateTime - registered.keyCredential.startDateTime,
    ).toBeGreaterThan(4 * 365 * 86_400_000);
    const again = ensureAppCertificate(
      stateDir,
      'portal-app-cert',
      'Partner Portal (emulator)',
      clock.now(),
    );
    expect(again.keyCredential).toEqual(registered.keyCredential);
    expect(unregistered.keyCredential.key).not.toBe(registered.keyCredential.key);
  });
});

describe('a valid assertion authenticates the app', () => {
  test.each(['PS256', 'RS256'] as const)(
    '%s with its thumbprint header: app-only token for Key Vault',
    async (alg) => {
      const body = (await clientCredentials(await assertion({ alg }))) as { access_token: string };
      expect(decodeJwt(body.access_token)).toMatchObject({
        appid: PORTAL_CLIENT_ID,
        tid: HOME_TENANT_ID,
        aud: KEY_VAULT.identifierUris[0],
        appidacr: '2',
      });
    },
  );

  test('both x5t and x5t#S256, and the tenant named by its domain in aud and path', async () => {
    const { der } = pemParts(registered.path);
    const jwt = await assertion({
      alg: 'RS256',
      header: { 'x5t#S256': createHash('sha256').update(der).digest('base64url') },
      claims: { aud: `${AUTHORITY}/northwindportal.onmicrosoft.com/oauth2/v2.0/token` },
    });
    await expect(clientCredentials(jwt)).resolves.toHaveProperty('access_token');
    await expect(
      clientCredentials(jwt, {}, 'northwindportal.onmicrosoft.com'),
    ).resolves.toHaveProperty('access_token');
  });

  test('the same assertion twice (MSAL reuses one for ten minutes): jti is not a replay check', async () => {
    const jwt = await assertion();
    await clientCredentials(jwt);
    await expect(clientCredentials(jwt)).resolves.toHaveProperty('access_token');
  });

  test('without client_id the assertion subject names the client', async () => {
    const jwt = await assertion();
    const { client_id: _none, ...rest } = {
      client_id: '',
      grant_type: 'client_credentials',
      scope: `${KEY_VAULT.identifierUris[0]}/.default`,
      client_assertion_type: JWT_BEARER,
      client_assertion: jwt,
    };
    await expect(
      handleTokenRequest(deps, {
        tenant: HOME_TENANT_ID,
        contentType: 'application/x-www-form-urlencoded',
        body: rest,
      }),
    ).resolves.toHaveProperty('access_token');
  });
});

describe('refusals, each with Entra’s code and no state change', () => {
  test('a certificate not registered on the app → 401 invalid_client AADSTS700027 "key was not found"', async () => {
    const r = await refusal(clientCredentials(await assertion({ signer: unregistered.path })));
    expect(r).toMatchObject({ error: 'invalid_client', code: 700027, status: 401 });
    const thumb = createHash('sha256')
      .update(pemParts(unregistered.path).der)
      .digest('hex')
      .toUpperCase();
    expect(r.message).toContain(
      `[Reason - The key was not found., Thumbprint of key used by client: '${thumb}'`,
    );
    expect(r.message).toContain(`app Id '${PORTAL_CLIENT_ID}'`);
  });

  test('the registered thumbprint but signed by another key → AADSTS700027 signature mismatch', async () => {
    const { der } = pemParts(registered.path);
    const jwt = await assertion({
      signer: unregistered.path,
      header: { 'x5t#S256': createHash('sha256').update(der).digest('base64url') },
    });
    const r = await refusal(clientCredentials(jwt));
    expect(r).toMatchObject({ error: 'invalid_client', code: 700027, status: 401 });
    expect(r.message).toMatch(
      /Reason - The provided signature value did not match the expected signature value\., .*Found key 'Start=\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d, End=/,
    );
  });

  test('claims changed after signing, or alg none → AADSTS700027', async () => {
    const [h, , s] = (await assertion()).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        aud: TOKEN_ENDPOINT,
        iss: PORTAL_CLIENT_ID,
        sub: PORTAL_CLIENT_ID,
        exp: 9_999_999_999,
      }),
    ).toString('base64url');
    expect((await refusal(clientCredentials(`${h}.${forged}.${s}`))).code).toBe(700027);
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>;
    const none = Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString('base64url');
    expect((await refusal(clientCredentials(`${none}.${forged}.${s}`))).code).toBe(700027);
  });

  test('an expired assertion → AADSTS700024 with current time, validity and expiry', async () => {
    const now = Math.floor(Date.now() / 1000);
    const r = await refusal(
      clientCredentials(await assertion({ claims: { nbf: now - 3600, exp: now - 1800 } })),
    );
    expect(r).toMatchObject({ error: 'invalid_client', code: 700024, status: 401 });
    expect(r.message).toMatch(
      /^Client assertion is not within its valid time range\. Current time: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z, assertion valid from .+, expiry time of assertion .+\. Review the documentation/,
    );
  });

  test('expiry is judged by the emulator clock, with five minutes of skew', async () => {
    const jwt = await assertion();
    clock.advance(14 * MINUTE);
    await expect(clientCredentials(jwt)).resolves.toHaveProperty('access_token');
    clock.advance(2 * MINUTE);
    expect((await refusal(clientCredentials(jwt))).code).toBe(700024);
    clock.reset();
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect(
      (
        await refusal(
          clientCredentials(await assertion({ claims: { nbf: future, exp: future + 600 } })),
        )
      ).code,
    ).toBe(700024);
  });

  test('the emulator clock past the certificate’s validity → AADSTS700027 "key used is expired"', async () => {
    clock.advance(6 * 365 * 86_400_000);
    const now = Math.floor(clock.now() / 1000);
    const r = await refusal(
      clientCredentials(await assertion({ claims: { nbf: now, exp: now + 600 } })),
    );
    expect(r.code).toBe(700027);
    expect(r.message).toContain('Reason - The key used is expired.');
  });

  test('an assertion for another client (iss = sub = another app) → AADSTS700021; iss ≠ sub → AADSTS50048', async () => {
    const other = await assertion({ claims: { iss: LOB_CLIENT_ID, sub: LOB_CLIENT_ID } });
    expect(await refusal(clientCredentials(other))).toMatchObject({
      error: 'invalid_client',
      code: 700021,
      status: 401,
    });
    expect(
      (await refusal(clientCredentials(await assertion({ claims: { sub: LOB_CLIENT_ID } })))).code,
    ).toBe(50048);
  });

  test.each([
    ['the issuer instead of the token endpoint', `${AUTHORITY}/${HOME_TENANT_ID}/v2.0`],
    ['another tenant’s token endpoint', `${AUTHORITY}/${PARTNER_A_TENANT_ID}/oauth2/v2.0/token`],
    [
      'the organizations endpoint for a tenant request',
      `${AUTHORITY}/organizations/oauth2/v2.0/token`,
    ],
    ['another host', `https://login.microsoftonline.com/${HOME_TENANT_ID}/oauth2/v2.0/token`],
    ['the v1 token endpoint', `${AUTHORITY}/${HOME_TENANT_ID}/oauth2/token`],
  ])('aud = %s → AADSTS700023', async (_what, aud) => {
    expect(await refusal(clientCredentials(await assertion({ claims: { aud } })))).toMatchObject({
      error: 'invalid_client',
      code: 700023,
    });
  });

  test('malformed: not a JWT, no thumbprint in the header, no exp → AADSTS50027', async () => {
    expect((await refusal(clientCredentials('not.a-jwt'))).code).toBe(50027);
    expect((await refusal(clientCredentials('e30.e30.e30'))).code).toBe(50027);
    const noThumb = await new SignJWT({
      aud: TOKEN_ENDPOINT,
      iss: PORTAL_CLIENT_ID,
      sub: PORTAL_CLIENT_ID,
      exp: Math.floor(Date.now() / 1000) + 600,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'whatever' })
      .sign(await importPKCS8(pemParts(registered.path).keyPem, 'RS256'));
    const r = await refusal(clientCredentials(noThumb));
    expect(r).toMatchObject({
      code: 50027,
      message: 'Invalid JWT token. No certificate thumbprint specified in token header.',
    });
    expect(
      (await refusal(clientCredentials(await assertion({ claims: { exp: undefined } })))).code,
    ).toBe(50027);
  });

  test('assertion type missing → AADSTS900144; secret and assertion together → AADSTS9002313', async () => {
    const jwt = await assertion();
    expect(await refusal(clientCredentials(jwt, { client_assertion_type: '' }))).toMatchObject({
      error: 'invalid_request',
      code: 900144,
    });
    expect(
      (await refusal(clientCredentials(jwt, { client_assertion_type: 'urn:other' }))).code,
    ).toBe(9002313);
    expect(
      (
        await refusal(
          clientCredentials(jwt, { client_secret: deps.directory.portalApp.clientSecret }),
        )
      ).code,
    ).toBe(9002313);
  });

  test('no assertion and no secret is still AADSTS7000218', async () => {
    expect((await refusal(clientCredentials('', { client_assertion_type: JWT_BEARER }))).code).toBe(
      7000218,
    );
  });
});
