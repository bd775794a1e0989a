import { seededTenants } from '../support/manifest';
import { customerCollectionSchema, pcErrorSchema } from '../unit/emulator-partner-center-schemas';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { appToken, claimsOf, userToken } from './partner-center-tokens';

// A private cloud, real sign-ins and thousands of requests: generous limits for a loaded CI machine.
jest.setTimeout(60_000);

/**
 * Partner Center behaviour with real Entra tokens: paging every customer, prefix filters,
 * tenant isolation, MFA enforcement and throttling (injected and real).
 */
let cloud: PrivateCloud;
let base: string;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  cloud = await startPrivateCloud();
  base = cloud.manifest.partnerCenter!.url;
  tokenA = await userToken(cloud.manifest, 'partnerA', 'admin');
  tokenB = await userToken(cloud.manifest, 'partnerB', 'admin');
}, 120_000);
afterAll(() => cloud?.stop());
afterEach(async () => {
  await cloud.control.clearFaults();
});

const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

/** Pages as a polite client does: follows links.next with its headers, honours Retry-After. */
async function listAll(token: string, first: string) {
  const items: Array<{ id: string; companyProfile: { companyName: string; domain: string } }> = [];
  let next: { uri: string; headers: Record<string, string> } | undefined = {
    uri: first,
    headers: {},
  };
  let retries = 0;
  while (next) {
    const res = await get(next.uri, token, next.headers);
    if (res.status === 429) {
      retries++;
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
      continue;
    }
    expect(res.status).toBe(200);
    const page = customerCollectionSchema.parse(await res.json());
    items.push(...page.items);
    next = page.links.next && {
      uri: page.links.next.uri,
      headers: Object.fromEntries(page.links.next.headers.map((h) => [h.key, h.value])),
    };
  }
  return { items, retries };
}

describe('Partner Center emulator with real tokens', () => {
  let allA: Awaited<ReturnType<typeof listAll>>['items'];

  test('paging all of partner A’s customers at size 500 returns each of the 2,500 exactly once', async () => {
    allA = (await listAll(tokenA, '/v1/customers?size=500')).items;
    expect(allA).toHaveLength(2500);
    expect(new Set(allA.map((c) => c.id)).size).toBe(2500);
  });

  test('partner B sees its own 120 customers, none of A’s, and gets 403 for one of A’s', async () => {
    const b = (await listAll(tokenB, '/v1/customers?size=100')).items;
    expect(b).toHaveLength(120);
    const ids = new Set(allA.map((c) => c.id));
    expect(b.some((c) => ids.has(c.id))).toBe(false);
    const res = await get(`/v1/customers/${allA[0]!.id}`, tokenB);
    expect(res.status).toBe(403);
    expect(pcErrorSchema.parse(await res.json()).code).toBe(20002);
  });

  test('a CompanyName filter matches exactly the names that start with the value, case-insensitively', async () => {
    const value = allA[17]!.companyProfile.companyName.slice(0, 3);
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: value.toLowerCase(), Operator: 'starts_with' }),
    );
    const found = (await listAll(tokenA, `/v1/customers?size=25&filter=${filter}`)).items.map(
      (c) => c.id,
    );
    const expected = allA
      .filter((c) => c.companyProfile.companyName.toLowerCase().startsWith(value.toLowerCase()))
      .map((c) => c.id);
    expect(found.sort()).toEqual(expected.sort());
    // Names merely containing the value (not at the start) are left out.
    const inside = allA.filter(
      (c) => c.companyProfile.companyName.toLowerCase().indexOf(value.toLowerCase()) > 0,
    );
    expect(inside.every((c) => !found.includes(c.id))).toBe(true);
  });

  test('a Domain filter matches domain prefixes only', async () => {
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'Domain', Value: 'bright', Operator: 'starts_with' }),
    );
    const found = (await listAll(tokenA, `/v1/customers?size=500&filter=${filter}`)).items;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.companyProfile.domain.startsWith('bright'))).toBe(true);
    expect(found).toHaveLength(
      allA.filter((c) => c.companyProfile.domain.startsWith('bright')).length,
    );
  });

  test('an unknown customer id is 404', async () => {
    const res = await get('/v1/customers/11111111-2222-4333-8444-555555555555', tokenA);
    expect(res.status).toBe(404);
  });

  test('an App+User token without MFA is 401 "MFA required"; app-only tokens need no MFA', async () => {
    const noMfa = await userToken(cloud.manifest, 'partnerA', 'nomfa');
    expect(claimsOf(noMfa).amr).not.toContain('mfa');
    const res = await get('/v1/customers?size=10', noMfa);
    expect(res.status).toBe(401);
    expect(res.statusText).toBe('Unauthorized - MFA required');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(pcErrorSchema.parse(await res.json()).description).toBe(
      'Authentication failed. MFA required.',
    );

    const app = await appToken(cloud.manifest, seededTenants(cloud.manifest).partnerA.id);
    expect((await get('/v1/customers?size=10', app)).status).toBe(200);
  });

  test('a tenant that is not a partner gets Partner Center’s 403', async () => {
    const home = cloud.manifest.tenants.find((t) => t.kind === 'home')!;
    const res = await get('/v1/profiles/organization', await appToken(cloud.manifest, home.id));
    expect(res.status).toBe(403);
    expect(pcErrorSchema.parse(await res.json()).code).toBe(1002);
  });

  test('a throttled client that honours Retry-After succeeds', async () => {
    await cloud.control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'status',
      status: 429,
      retryAfter: 1,
      count: 2,
    });
    const started = Date.now();
    const { items, retries } = await listAll(tokenA, '/v1/customers?size=500');
    expect(retries).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(new Set(items.map((c) => c.id)).size).toBe(2500);
  });

  test('the real limit: the 501st customer request within a minute is 429 with Retry-After', async () => {
    await cloud.control.reset(); // fresh throttle window
    const token = await userToken(cloud.manifest, 'partnerB', 'staff');
    const statuses: number[] = [];
    for (let i = 0; i < 501; i++) statuses.push((await get('/v1/customers?size=1', token)).status);
    expect(statuses.slice(0, 500).every((s) => s === 200)).toBe(true);
    expect(statuses[500]).toBe(429);
    const res = await get('/v1/customers?size=1', token);
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    await cloud.control.advanceClock({ seconds: wait });
    expect((await get('/v1/customers?size=1', tokenB)).status).toBe(200);
  }, 60_000);
});
