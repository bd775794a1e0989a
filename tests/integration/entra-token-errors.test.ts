import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { control } from '../support/control';
import {
  codeForm,
  entraState,
  ERROR_DESCRIPTION,
  refreshForm,
  signInForCode,
  tokenRequest,
  type CodeGrant,
} from './entra-raw-client';
import { KEY_VAULT, PARTNER_CENTER } from './entra-token-checks';

/**
 * Every bad token request gets Entra's exact error (JSON shape, AADSTS code, status) and
 * changes no emulator state: the digest of Entra's state is the same before and after, and the
 * code or refresh token involved still works afterwards.
 */
const m = loadManifest();
const { home, partnerA, partnerB } = seededTenants(m);
const admin = seededUser(partnerA, 'admin');
const SCOPE = `${PARTNER_CENTER}/user_impersonation ${KEY_VAULT}/user_impersonation openid profile offline_access`;

async function expectRefusal(
  tenant: string,
  body: Record<string, string> | string,
  expected: { status: number; error: string; code: number; suberror?: string },
  opts?: Parameters<typeof tokenRequest>[3],
) {
  const before = await entraState(m);
  const res = await tokenRequest(m, tenant, body, opts);
  expect({ status: res.status, error: res.json.error, codes: res.json.error_codes }).toEqual({
    status: expected.status,
    error: expected.error,
    codes: [expected.code],
  });
  expect(res.json.error_description).toMatch(ERROR_DESCRIPTION(expected.code));
  expect(res.json).toMatchObject({
    timestamp: expect.any(String),
    trace_id: expect.any(String),
    correlation_id: expect.any(String),
    error_uri: expect.stringContaining(String(expected.code)),
  });
  if (expected.suberror) expect(res.json.suberror).toBe(expected.suberror);
  expect((await entraState(m)).digest).toBe(before.digest);
  return res;
}

describe('Entra /token refusals', () => {
  let grant: CodeGrant;
  beforeAll(async () => {
    grant = await signInForCode(m, partnerA.id, admin, SCOPE);
  });

  test('wrong client secret → 401 invalid_client AADSTS7000215; the code still works afterwards', async () => {
    const res = await expectRefusal(partnerA.id, codeForm(m, grant, { client_secret: 'wrong' }), {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
    });
    expect(res.json.error_description).toContain(m.portalApp.clientId);
  });

  test('missing client secret → 401 invalid_client AADSTS7000218; unknown client → 400 unauthorized_client AADSTS700016', async () => {
    const { client_secret: _omit, ...noSecret } = codeForm(m, grant);
    await expectRefusal(partnerA.id, noSecret, {
      status: 401,
      error: 'invalid_client',
      code: 7000218,
    });
    await expectRefusal(
      partnerA.id,
      codeForm(m, grant, { client_id: '11111111-2222-3333-4444-555555555555' }),
      { status: 400, error: 'unauthorized_client', code: 700016 },
    );
  });

  test('client-request-id comes back as the correlation id', async () => {
    const res = await tokenRequest(m, partnerA.id, codeForm(m, grant, { client_secret: 'x' }), {
      headers: { 'client-request-id': '0f0e0d0c-0b0a-4000-8000-000000000001' },
    });
    expect(res.json.correlation_id).toBe('0f0e0d0c-0b0a-4000-8000-000000000001');
  });

  test('redirect_uri different from the authorize request → AADSTS500112', async () => {
    await expectRefusal(
      partnerA.id,
      codeForm(m, grant, { redirect_uri: m.portalApp.redirectUris[1]! }),
      { status: 400, error: 'invalid_client', code: 500112 },
    );
  });

  test('wrong or missing PKCE verifier → invalid_grant AADSTS501481', async () => {
    await expectRefusal(partnerA.id, codeForm(m, grant, { code_verifier: 'A'.repeat(43) }), {
      status: 400,
      error: 'invalid_grant',
      code: 501481,
    });
    const { code_verifier: _omit, ...noVerifier } = codeForm(m, grant);
    await expectRefusal(partnerA.id, noVerifier, {
      status: 400,
      error: 'invalid_grant',
      code: 501481,
    });
  });

  test('code redeemed against another tenant path → invalid_grant AADSTS700005', async () => {
    await expectRefusal(partnerB.id, codeForm(m, grant), {
      status: 400,
      error: 'invalid_grant',
      code: 700005,
    });
  });

  test('malformed bodies: JSON, text, repeated field, missing fields, unknown grant, garbage code', async () => {
    await expectRefusal(
      partnerA.id,
      JSON.stringify(codeForm(m, grant)),
      { status: 400, error: 'invalid_request', code: 900144 },
      { contentType: 'application/json' },
    );
    await expectRefusal(
      partnerA.id,
      'grant_type=authorization_code',
      { status: 400, error: 'invalid_request', code: 900144 },
      { contentType: 'text/plain' },
    );
    await expectRefusal(
      partnerA.id,
      `${new URLSearchParams(codeForm(m, grant)).toString()}&grant_type=refresh_token`,
      { status: 400, error: 'invalid_request', code: 9002313 },
    );
    await expectRefusal(partnerA.id, {}, { status: 400, error: 'invalid_request', code: 900144 });
    const { code: _c, ...noCode } = codeForm(m, grant);
    await expectRefusal(partnerA.id, noCode, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
    });
    await expectRefusal(partnerA.id, codeForm(m, grant, { grant_type: 'password' }), {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
    });
    await expectRefusal(partnerA.id, codeForm(m, grant, { code: 'not-a-code' }), {
      status: 400,
      error: 'invalid_grant',
      code: 9002313,
    });
    await expectRefusal('no-such-tenant.example', codeForm(m, grant), {
      status: 400,
      error: 'invalid_request',
      code: 90002,
    });
  });

  test('after all that the code redeems once; a second redemption → invalid_grant AADSTS54005', async () => {
    const ok = await tokenRequest(m, partnerA.id, { ...codeForm(m, grant), client_info: '1' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(JSON.parse(Buffer.from(String(ok.json.client_info), 'base64url').toString())).toEqual({
      uid: admin.oid,
      utid: partnerA.id,
    });
    expect(ok.json.scope).toBe(`${PARTNER_CENTER}/user_impersonation`);
    await expectRefusal(partnerA.id, codeForm(m, grant), {
      status: 400,
      error: 'invalid_grant',
      code: 54005,
    });
  });
});

describe('Entra /token refresh and client-credential refusals', () => {
  let rt: string;
  beforeAll(async () => {
    const g = await signInForCode(m, partnerA.id, admin, SCOPE);
    rt = String((await tokenRequest(m, partnerA.id, codeForm(m, g))).json.refresh_token);
  });

  test('HTTP Basic client authentication, halves URL-encoded (~ as %7E)', async () => {
    const basic = Buffer.from(
      `${encodeURIComponent(m.portalApp.clientId)}:${encodeURIComponent(m.portalApp.clientSecret).replace(/~/g, '%7E')}`,
    ).toString('base64');
    const res = await tokenRequest(
      m,
      partnerA.id,
      { grant_type: 'refresh_token', refresh_token: rt, scope: `${KEY_VAULT}/.default` },
      { headers: { authorization: `Basic ${basic}` } },
    );
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe(`${KEY_VAULT}/user_impersonation ${KEY_VAULT}/.default`);
    const wrong = Buffer.from(`${m.portalApp.clientId}:nope`).toString('base64');
    await expectRefusal(
      partnerA.id,
      { grant_type: 'refresh_token', refresh_token: rt, scope: `${KEY_VAULT}/.default` },
      { status: 401, error: 'invalid_client', code: 7000215 },
      { headers: { authorization: `Basic ${wrong}` } },
    );
  });

  test('refresh for a resource without consent → invalid_grant AADSTS65001 consent_required', async () => {
    await expectRefusal(partnerA.id, refreshForm(m, rt, 'User.Read openid offline_access'), {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });

  test('refresh at a tenant the user is not in → invalid_grant AADSTS50020', async () => {
    await expectRefusal(partnerB.id, refreshForm(m, rt, `${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_grant',
      code: 50020,
    });
    await expectRefusal(home.id, refreshForm(m, rt, `${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_grant',
      code: 50020,
    });
  });

  test('garbage refresh token → AADSTS9002313; unknown scope → invalid_scope', async () => {
    await expectRefusal(partnerA.id, refreshForm(m, `${rt}x`, `${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_grant',
      code: 9002313,
    });
    await expectRefusal(partnerA.id, refreshForm(m, rt, `${PARTNER_CENTER}/Nope.All`), {
      status: 400,
      error: 'invalid_scope',
      code: 70011,
    });
  });

  test('client credentials over common/organizations → AADSTS9001023; bad scopes → 1002012 / 28000 / 500011', async () => {
    const cc = (scope: string) => ({
      client_id: m.portalApp.clientId,
      client_secret: m.portalApp.clientSecret,
      grant_type: 'client_credentials',
      scope,
    });
    await expectRefusal('common', cc(`${KEY_VAULT}/.default`), {
      status: 400,
      error: 'invalid_request',
      code: 9001023,
    });
    await expectRefusal('organizations', cc(`${KEY_VAULT}/.default`), {
      status: 400,
      error: 'invalid_request',
      code: 9001023,
    });
    await expectRefusal(home.id, cc(`${KEY_VAULT}/user_impersonation`), {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
    });
    await expectRefusal(home.id, cc(`${KEY_VAULT}/.default ${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_scope',
      code: 28000,
    });
    await expectRefusal(home.id, cc('https://nothing.example/.default'), {
      status: 400,
      error: 'invalid_resource',
      code: 500011,
    });
    const { status } = await tokenRequest(m, home.domain, cc(`${KEY_VAULT}/.default`));
    expect(status).toBe(200);
  });

  test('revoking the user’s sessions → invalid_grant AADSTS50173 for every refresh token issued before', async () => {
    const ok = await tokenRequest(m, partnerA.id, refreshForm(m, rt, `${PARTNER_CENTER}/.default`));
    expect(ok.status).toBe(200);
    const rotated = String(ok.json.refresh_token);
    await control.revokeUser(admin.upn);
    await expectRefusal(partnerA.id, refreshForm(m, rt, `${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_grant',
      code: 50173,
    });
    await expectRefusal(partnerA.id, refreshForm(m, rotated, `${PARTNER_CENTER}/.default`), {
      status: 400,
      error: 'invalid_grant',
      code: 50173,
    });
    // A new sign-in after the revocation works again.
    const g = await signInForCode(m, partnerA.id, admin, SCOPE);
    expect((await tokenRequest(m, partnerA.id, codeForm(m, g))).status).toBe(200);
  });
});
