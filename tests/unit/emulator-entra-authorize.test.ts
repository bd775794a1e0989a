import { parseAuthorize } from '@/emulator/entra/authorize/parse-authorize';
import { PARTNER_A_TENANT_ID, PORTAL_CLIENT_ID, LOB_CLIENT_ID } from '@/emulator/directory/seed';
import { makeEntra } from './emulator-entra-harness';

const env = makeEntra();
const { directory } = env.deps;
afterAll(() => env.cleanup());

const base = {
  client_id: PORTAL_CLIENT_ID,
  response_type: 'code',
  redirect_uri: 'http://localhost:3000/api/connect/callback',
  scope: 'https://api.partnercenter.microsoft.com/user_impersonation openid offline_access',
  state: 's',
};
const parse = (q: Record<string, unknown>, tenant = PARTNER_A_TENANT_ID) =>
  parseAuthorize(directory, tenant, q);
const codeOf = (r: ReturnType<typeof parse>) =>
  r.kind === 'ok' ? 'ok' : `${r.kind}:${r.spec.code}`;

describe('parseAuthorize', () => {
  test('a good request, by tenant GUID, domain or common', () => {
    for (const t of [
      PARTNER_A_TENANT_ID,
      'ContosoPartners.onmicrosoft.com',
      'common',
      'organizations',
    ])
      expect(codeOf(parse(base, t))).toBe('ok');
  });

  test('tenant, client and redirect URI problems stay on Entra’s page', () => {
    expect(codeOf(parse(base, 'nope.example'))).toBe('page-error:90002');
    expect(codeOf(parse({ ...base, client_id: undefined }))).toBe('page-error:900144');
    expect(codeOf(parse({ ...base, client_id: '00000000-0000-0000-0000-000000000000' }))).toBe(
      'page-error:700016',
    );
    expect(
      codeOf(parse({ ...base, redirect_uri: 'http://localhost:3000/api/connect/callback/' })),
    ).toBe('page-error:50011');
    expect(codeOf(parse({ ...base, client_id: [PORTAL_CLIENT_ID, PORTAL_CLIENT_ID] }))).toBe(
      'page-error:9002313',
    );
    // A single-tenant app over /common, or in another tenant.
    expect(
      codeOf(
        parse(
          {
            ...base,
            client_id: LOB_CLIENT_ID,
            redirect_uri: 'https://billing.contosopartners.example/signin',
          },
          'common',
        ),
      ),
    ).toBe('page-error:50194');
    expect(
      codeOf(
        parse(
          {
            ...base,
            client_id: LOB_CLIENT_ID,
            redirect_uri: 'https://billing.contosopartners.example/signin',
          },
          'fabrikamcloud.onmicrosoft.com',
        ),
      ),
    ).toBe('page-error:700016');
  });

  test('later problems go back to the app', () => {
    expect(codeOf(parse({ ...base, scope: undefined }))).toBe('redirect-error:900144');
    expect(codeOf(parse({ ...base, response_type: 'token' }))).toBe('redirect-error:70005');
    expect(codeOf(parse({ ...base, prompt: 'always' }))).toBe('redirect-error:9002313');
    expect(codeOf(parse({ ...base, scope: 'https://nothing.example/x' }))).toBe(
      'redirect-error:500011',
    );
    expect(codeOf(parse({ ...base, scope: 'https://vault.azure.net/Nope' }))).toBe(
      'redirect-error:650053',
    );
    expect(codeOf(parse({ ...base, code_challenge: 'short', code_challenge_method: 'S256' }))).toBe(
      'redirect-error:501491',
    );
    expect(
      codeOf(parse({ ...base, code_challenge: 'x'.repeat(43), code_challenge_method: 'S1' })),
    ).toBe('redirect-error:50149');
    expect(
      codeOf(parse({ ...base, response_type: 'code id_token', response_mode: 'form_post' })),
    ).toBe('redirect-error:900144'); // nonce
    expect(
      codeOf(
        parse({ ...base, response_type: 'code id_token', nonce: 'n', response_mode: 'query' }),
      ),
    ).toBe('redirect-error:9002313');
  });

  test('defaults: query for code, fragment when an ID token is asked for; PKCE method defaults to plain', () => {
    const a = parse({ ...base, code_challenge: 'c'.repeat(43) });
    const b = parse({ ...base, response_type: 'id_token code', nonce: 'n' });
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('expected ok');
    expect(a.request).toMatchObject({ responseMode: 'query', codeChallengeMethod: 'plain' });
    expect(b.request).toMatchObject({
      responseMode: 'fragment',
      responseType: 'code id_token',
      nonce: 'n',
    });
  });

  test('redirect errors carry the state and the response mode', () => {
    const r = parse({ ...base, scope: undefined, response_mode: 'form_post', state: 'xyz' });
    if (r.kind !== 'redirect-error') throw new Error('expected a redirect error');
    expect(r.target).toEqual({
      redirectUri: base.redirect_uri,
      responseMode: 'form_post',
      state: 'xyz',
    });
  });
});
