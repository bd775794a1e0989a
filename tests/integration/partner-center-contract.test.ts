import type { z } from 'zod';
import { seededTenants } from '../support/manifest';
import {
  customerCollectionSchema,
  customerDetailSchema,
  organizationProfileSchema,
  pcErrorSchema,
  subscriptionCollectionSchema,
  throttledSchema,
} from '../unit/emulator-partner-center-schemas';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { userToken } from './partner-center-tokens';

// A private cloud, real sign-ins and thousands of requests: generous limits for a loaded CI machine.
jest.setTimeout(60_000);

/**
 * Contract suite: every Partner Center response the emulator gives, checked field by field
 * against the shapes the REST reference documents (see the schemas' file), with real
 * App+User tokens from the emulated Entra.
 */
let cloud: PrivateCloud;
let tokenA: string;
let tokenB: string;
let base: string;

beforeAll(async () => {
  cloud = await startPrivateCloud();
  base = cloud.manifest.partnerCenter!.url;
  tokenA = await userToken(cloud.manifest, 'partnerA', 'admin');
  tokenB = await userToken(cloud.manifest, 'partnerB', 'admin');
}, 120_000);
afterAll(() => cloud?.stop());

async function get<T>(
  path: string,
  schema: z.ZodType<T>,
  token = tokenA,
  expectStatus = 200,
  headers: Record<string, string> = {},
): Promise<{ body: T; res: Response }> {
  const res = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers },
  });
  expect(res.status).toBe(expectStatus);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { body: schema.parse(await res.json()), res };
}

const filterQuery = (field: string, value: string) =>
  encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));

describe('Partner Center contract', () => {
  test('GET /v1/customers?size=40: a Collection of Customers with self and next links', async () => {
    const { body } = await get('/v1/customers?size=40', customerCollectionSchema);
    expect(body.totalCount).toBe(40);
    expect(body.links.self.uri).toBe('/v1/customers?size=40');
    expect(body.links.next?.method).toBe('GET');
  });

  test('the continuation request returns the next page in the same shape', async () => {
    const first = (await get('/v1/customers?size=40', customerCollectionSchema)).body;
    const next = first.links.next!;
    const headers = Object.fromEntries(next.headers.map((h) => [h.key, h.value]));
    const { body } = await get(next.uri, customerCollectionSchema, tokenA, 200, headers);
    expect(body.items[0]!.id).not.toBe(first.items[0]!.id);
  });

  test('GET /v1/customers with a filter (the docs’ size=0 example) returns all matches', async () => {
    const { body } = await get(
      `/v1/customers?size=0&filter=${filterQuery('Domain', 'a')}`,
      customerCollectionSchema,
    );
    expect(body.totalCount).toBeGreaterThan(0);
    expect(body.items.every((c) => c.companyProfile.domain.startsWith('a'))).toBe(true);
    expect(body.links.next).toBeUndefined();
  });

  test('GET /v1/customers/{id}: Customer with billing profile and delegated access', async () => {
    const list = (await get('/v1/customers?size=50', customerCollectionSchema)).body;
    let sawAddress = false;
    for (const item of list.items.slice(0, 20)) {
      const { body } = await get(`/v1/customers/${item.id}`, customerDetailSchema);
      expect(body.id).toBe(item.id);
      expect(body.companyProfile.companyName).toBe(item.companyProfile.companyName);
      expect(body.billingProfile.attributes.objectType).toBe('CustomerBillingProfile');
      if (body.allowDelegatedAccess) {
        expect(body.companyProfile.address).toBeDefined();
        sawAddress = true;
      }
    }
    expect(sawAddress).toBe(true);
  });

  test('GET /v1/customers/{id}/subscriptions: a Collection of Subscriptions', async () => {
    const list = (await get('/v1/customers?size=30', customerCollectionSchema)).body;
    let total = 0;
    for (const item of list.items) {
      const { body } = await get(
        `/v1/customers/${item.id}/subscriptions`,
        subscriptionCollectionSchema,
      );
      expect(body.totalCount).toBeLessThanOrEqual(8);
      total += body.totalCount;
    }
    expect(total).toBeGreaterThan(0);
  });

  test('GET /v1/profiles/organization: the caller’s OrganizationProfile', async () => {
    const { partnerA, partnerB } = seededTenants(cloud.manifest);
    expect((await get('/v1/profiles/organization', organizationProfileSchema)).body).toMatchObject({
      tenantId: partnerA.id,
      domain: partnerA.domain,
    });
    expect(
      (await get('/v1/profiles/organization', organizationProfileSchema, tokenB)).body,
    ).toMatchObject({ tenantId: partnerB.id, companyName: partnerB.name });
  });

  test('errors are {code, description, data, source}: 400, 403/20002, 404, 401', async () => {
    expect((await get('/v1/customers?size=501', pcErrorSchema, tokenA, 400)).body.code).toBe(2000);
    expect(
      (
        await get(
          `/v1/customers?size=5&filter=${encodeURIComponent('{oops')}`,
          pcErrorSchema,
          tokenA,
          400,
        )
      ).body.code,
    ).toBe(2000);
    const aCustomer = (await get('/v1/customers?size=1', customerCollectionSchema)).body.items[0]!
      .id;
    expect((await get(`/v1/customers/${aCustomer}`, pcErrorSchema, tokenB, 403)).body.code).toBe(
      20002,
    );
    expect(
      (await get('/v1/customers/00000000-0000-4000-8000-000000000000', pcErrorSchema, tokenA, 404))
        .body.code,
    ).toBe(1000);
    expect(
      (await get('/v1/customers/not-a-guid/subscriptions', pcErrorSchema, tokenA, 404)).body.code,
    ).toBe(1000);
    expect(
      (await get('/v1/profiles/organization', pcErrorSchema, 'not-a-token', 401)).body.code,
    ).toBe(900420);
  });

  test('the throttling answer has its own {statusCode, message} shape and Retry-After', async () => {
    await cloud.control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'status',
      status: 429,
      retryAfter: 3,
      count: 1,
    });
    const { body, res } = await get('/v1/customers?size=1', throttledSchema, tokenA, 429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(body.message).toBe('Rate limit is exceeded. Try again in 3 seconds.');
  });

  test('MS-RequestId and MS-CorrelationId are echoed, or generated when absent', async () => {
    const ids = {
      'MS-RequestId': '3705fc6d-4127-4a87-bdba-9658f73fe019',
      'MS-CorrelationId': 'b12260fb-82de-4701-a25f-dcd367690645',
    };
    const { res } = await get('/v1/customers?size=1', customerCollectionSchema, tokenA, 200, ids);
    expect(res.headers.get('ms-requestid')).toBe(ids['MS-RequestId']);
    expect(res.headers.get('ms-correlationid')).toBe(ids['MS-CorrelationId']);
    const generated = (await get('/v1/profiles/organization', organizationProfileSchema)).res;
    expect(generated.headers.get('ms-correlationid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const failed = (await get('/v1/customers/nope', pcErrorSchema, tokenA, 404, ids)).res;
    expect(failed.headers.get('ms-correlationid')).toBe(ids['MS-CorrelationId']);
  });
});
