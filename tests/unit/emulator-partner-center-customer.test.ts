import { generateSubscriptions } from '@/emulator/seed';
import { call } from './emulator-keyvault-harness';
import {
  PARTNER_A,
  PARTNER_B,
  mountPartnerCenter,
  pcAppToken,
  pcToken,
} from './emulator-partner-center-harness';
import {
  customerDetailSchema,
  organizationProfileSchema,
  pcErrorSchema,
  subscriptionCollectionSchema,
} from './emulator-partner-center-schemas';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Partner Center emulator: one customer, its subscriptions, the organization profile', () => {
  let env: Awaited<ReturnType<typeof mountPartnerCenter>>;
  let tokenA: string;

  beforeAll(async () => {
    env = await mountPartnerCenter(300);
    tokenA = await pcToken(env.ctx, PARTNER_A);
  });
  afterAll(() => env.close());

  const a = () => env.expected.byPartner.get(PARTNER_A)!;

  it('returns a customer by id with billing profile, delegated access, address and custom domains', async () => {
    const c = a().find((x) => x.allowDelegatedAccess && x.customDomains.length > 0)!;
    const res = await call(env.pc.url, `/v1/customers/${c.id}`, { token: tokenA });
    expect(res.status).toBe(200);
    const body = customerDetailSchema.parse(res.json);
    expect(body).toMatchObject({
      id: c.id,
      allowDelegatedAccess: true,
      customDomains: c.customDomains,
      relationshipToPartner: c.relationship,
    });
    expect(body.companyProfile.address).toEqual(c.address);
    expect(body.companyProfile.email).toBe(c.email);
    expect(body.billingProfile.defaultAddress).toEqual(c.address);
    // Upper-case ids work: they are GUIDs.
    expect(
      (await call(env.pc.url, `/v1/customers/${c.id.toUpperCase()}`, { token: tokenA })).status,
    ).toBe(200);
  });

  it('leaves out address, email and custom domains without delegated access, as the docs say', async () => {
    const c = a().find((x) => !x.allowDelegatedAccess)!;
    const body = customerDetailSchema.parse(
      (await call(env.pc.url, `/v1/customers/${c.id}`, { token: tokenA })).json,
    );
    expect(body.allowDelegatedAccess).toBe(false);
    expect(body.companyProfile.address).toBeUndefined();
    expect(body.companyProfile.email).toBeUndefined();
    expect(body.customDomains).toBeUndefined();
  });

  it('answers 404 for unknown and malformed ids, 403/20002 for another partner’s customer', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-guid', '%27%20OR%201%3D1']) {
      const res = await call(env.pc.url, `/v1/customers/${id}`, { token: tokenA });
      expect(res.status).toBe(404);
      expect(pcErrorSchema.parse(res.json).code).toBe(1000);
    }
    const bCustomer = env.expected.byPartner.get(PARTNER_B)![0]!;
    for (const path of [
      `/v1/customers/${bCustomer.id}`,
      `/v1/customers/${bCustomer.id}/subscriptions`,
    ]) {
      const res = await call(env.pc.url, path, { token: tokenA });
      expect(res.status).toBe(403);
      const err = pcErrorSchema.parse(res.json);
      expect(err.code).toBe(20002);
      expect(err.description).toBe(
        `The partner ID ${PARTNER_A} has no commerce relationship with the customer ID ${bCustomer.id}.`,
      );
    }
  });

  it('lists a customer’s subscriptions (0–8), as documented', async () => {
    const counts = new Set<number>();
    for (const c of a().slice(0, 40)) {
      const res = await call(env.pc.url, `/v1/customers/${c.id}/subscriptions`, { token: tokenA });
      const body = subscriptionCollectionSchema.parse(res.json);
      expect(body.totalCount).toBe(c.subscriptionCount);
      expect(body.items.map((s) => s.id)).toEqual(generateSubscriptions(c).map((s) => s.id));
      counts.add(body.totalCount);
    }
    expect(counts.size).toBeGreaterThan(3);
  });

  it('returns the calling partner’s organization profile, for App+User and app-only callers', async () => {
    const res = await call(env.pc.url, '/v1/profiles/organization', { token: tokenA });
    const body = organizationProfileSchema.parse(res.json);
    expect(body).toMatchObject({
      tenantId: PARTNER_A,
      companyName: 'Contoso Partners',
      domain: 'contosopartners.onmicrosoft.com',
    });
    const appOnly = organizationProfileSchema.parse(
      (
        await call(env.pc.url, '/v1/profiles/organization', {
          token: await pcAppToken(env.ctx, PARTNER_B),
        })
      ).json,
    );
    expect(appOnly.tenantId).toBe(PARTNER_B);
  });

  it('answers unknown routes with Partner Center’s error shape', async () => {
    const res = await call(env.pc.url, '/v1/invoices', { token: tokenA });
    expect(res.status).toBe(404);
    pcErrorSchema.parse(res.json);
  });

  it('registers every seeded customer as a tenant in the directory', () => {
    const customers = env.directory.tenants.filter((t) => t.kind === 'customer');
    expect(customers).toHaveLength(300 + 120);
    const c = a()[0]!;
    expect(customers).toContainEqual(
      expect.objectContaining({ id: c.id, name: c.companyName, domain: c.domain }),
    );
  });
});
