import { call } from './emulator-keyvault-harness';
import {
  HOME,
  PARTNER_A,
  mountPartnerCenter,
  pcAppToken,
  pcToken,
} from './emulator-partner-center-harness';
import { pcErrorSchema } from './emulator-partner-center-schemas';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Partner Center emulator: token checks', () => {
  let env: Awaited<ReturnType<typeof mountPartnerCenter>>;
  beforeAll(async () => {
    env = await mountPartnerCenter(50);
  });
  afterAll(() => env.close());

  const profile = (token?: string) => call(env.pc.url, '/v1/profiles/organization', { token });

  it('answers an App+User token with MFA and an app-only token', async () => {
    expect((await profile(await pcToken(env.ctx, PARTNER_A))).status).toBe(200);
    expect((await profile(await pcAppToken(env.ctx, PARTNER_A))).status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    const res = await profile();
    expect(res.status).toBe(401);
    expect(pcErrorSchema.parse(res.json).code).toBe(400);
  });

  it('refuses an App+User token without mfa in amr: 401 "Unauthorized - MFA required"', async () => {
    const res = await profile(await pcToken(env.ctx, PARTNER_A, { amr: ['pwd'] }));
    expect(res.status).toBe(401);
    expect(res.statusText).toBe('Unauthorized - MFA required');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(pcErrorSchema.parse(res.json)).toMatchObject({
      code: 10001,
      description: 'Authentication failed. MFA required.',
    });
    const noAmr = await profile(await pcToken(env.ctx, PARTNER_A, { amr: undefined }));
    expect(noAmr.status).toBe(401);
  });

  it.each([
    ['a wrong audience', { aud: 'https://graph.microsoft.com' }, /audience/],
    ['a v2 issuer', { iss: `https://login.microsoftonline.com/${PARTNER_A}/v2.0` }, /issuer/],
    ['an issuer of another tenant', { iss: `https://sts.windows.net/${HOME}/` }, /issuer/],
    ['no tid', { tid: undefined }, /issuer/],
  ])('refuses %s with 401 Invalid Token (900420)', async (_label, overrides, description) => {
    const res = await profile(await pcToken(env.ctx, PARTNER_A, overrides));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const body = pcErrorSchema.parse(res.json);
    expect(body.code).toBe(900420);
    expect(body.description).toMatch(description);
  });

  it('refuses expired, tampered and malformed tokens', async () => {
    const expired = await pcToken(env.ctx, PARTNER_A, {}, -10);
    expect((await profile(expired)).json.description).toMatch(/expired/);
    const [h, p, s] = (await pcToken(env.ctx, PARTNER_A)).split('.');
    expect((await profile(`${h}.${p}.${s!.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await profile('garbage')).status).toBe(401);
  });

  it('refuses a tenant that is not a partner with 403', async () => {
    const res = await profile(await pcToken(env.ctx, HOME));
    expect(res.status).toBe(403);
    expect(pcErrorSchema.parse(res.json)).toMatchObject({
      code: 1002,
      description: 'Authorization Failed',
    });
    const customer = env.expected.byPartner.get(PARTNER_A)![0]!;
    const asCustomer = await call(env.pc.url, '/v1/customers?size=10', {
      token: await pcToken(env.ctx, customer.id),
    });
    expect(asCustomer.status).toBe(403);
  });

  it('echoes MS-RequestId and MS-CorrelationId, and makes them up when absent, on errors too', async () => {
    const token = await pcToken(env.ctx, PARTNER_A);
    const headers = {
      'MS-RequestId': '11111111-2222-4333-8444-555555555555',
      'MS-CorrelationId': '66666666-7777-4888-9999-000000000000',
    };
    const ok = await call(env.pc.url, '/v1/profiles/organization', { token, headers });
    expect(ok.headers.get('ms-requestid')).toBe(headers['MS-RequestId']);
    expect(ok.headers.get('ms-correlationid')).toBe(headers['MS-CorrelationId']);
    const denied = await call(env.pc.url, '/v1/profiles/organization', { headers });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('ms-correlationid')).toBe(headers['MS-CorrelationId']);
    const made = await call(env.pc.url, '/v1/profiles/organization', { token });
    expect(made.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get('ms-correlationid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get('ms-requestid')).not.toBe(made.headers.get('ms-correlationid'));
  });
});
