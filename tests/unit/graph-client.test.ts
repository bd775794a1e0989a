import { createGraphClient, isGraphError, type GraphError } from '@/lib/graph';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { buildRelationshipFilter } from '@/lib/graph/relationship-filter';
import { withLogContext } from '@/lib/log';

type Call = { url: URL; headers: Headers };

/** A scripted Graph: each call takes the next response (or throws for a dropped connection). */
function fakeGraph(script: Array<Response | Error | ((call: Call) => Response)>) {
  const calls: Call[] = [];
  const fetchFn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: new URL(String(input)), headers: new Headers(init?.headers) };
    calls.push(call);
    const next = script.shift();
    if (!next) throw new Error('unexpected extra call');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(call) : next;
  });
  return { calls, fetch: fetchFn as unknown as typeof fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json({ error: { code, message: 'm', innerError: { 'request-id': 'r-1' } } }, status, headers);

const CUSTOMER = toTenantId('11111111-2222-4333-8444-555555555555');
const relationship = (i: number, extra: Record<string, unknown> = {}) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
  '@odata.etag': 'W/"x"',
  id: `rel-${i}`,
  displayName: `Relationship ${i}`,
  customer: { tenantId: CUSTOMER.toUpperCase(), displayName: 'Fabrikam' },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: '62E90394-69F5-4237-9190-012177145E10' }] },
  status: 'active',
  autoExtendDuration: 'PT0S',
  endDateTime: '2027-01-01T00:00:00Z',
  ...extra,
});

const base = { baseUrl: 'https://graph.test', sleep: async () => undefined };
const token = async () => 'the-token';

describe('Graph client: GDAP relationship paging and $filter', () => {
  it('asks for $top=300 with $select, then follows @odata.nextLink whole until it is absent', async () => {
    const next =
      'https://graph.test/v1.0/tenantRelationships/delegatedAdminRelationships?$skiptoken=opaque%3D%3D';
    const g = fakeGraph([
      json({ value: [relationship(1), relationship(2)], '@odata.nextLink': next }),
      json({ value: [relationship(3)] }),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const pages: number[] = [];
    const all = await client.listAllRelationships({}, (n) => pages.push(n));
    expect(all.map((r) => r.id)).toEqual(['rel-1', 'rel-2', 'rel-3']);
    expect(pages).toEqual([2, 3]);
    expect(g.calls[0]!.url.pathname).toBe('/v1.0/tenantRelationships/delegatedAdminRelationships');
    expect(g.calls[0]!.url.searchParams.get('$top')).toBe('300');
    expect(g.calls[0]!.url.searchParams.get('$select')).toContain('accessDetails');
    expect(g.calls[1]!.url.toString()).toBe(next);
    expect(g.calls[0]!.headers.get('authorization')).toBe('Bearer the-token');
    // Mapped: tenant ids and role ids lower-cased.
    expect(all[0]).toMatchObject({
      customerTenantId: CUSTOMER,
      roleIds: ['62e90394-69f5-4237-9190-012177145e10'],
      reseller: false,
    });
  });

  it('sends $filter on status and customer/tenantId joined with "and"', async () => {
    const g = fakeGraph([json({ value: [] })]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    await client.listRelationshipsPage({
      filter: { status: 'active', customerTenantId: CUSTOMER },
    });
    expect(g.calls[0]!.url.searchParams.get('$filter')).toBe(
      `status eq 'active' and customer/tenantId eq '${CUSTOMER}'`,
    );
  });

  it('refuses filter values that could break out of the OData string', () => {
    expect(() => buildRelationshipFilter({ status: "active' or 1 eq 1 or 'x" })).toThrow(
      RangeError,
    );
    // The type says "parsed tenant id"; the guard holds even when a caller lies to the type.
    expect(() => buildRelationshipFilter({ customerTenantId: "x' or true" as TenantId })).toThrow(
      RangeError,
    );
    expect(buildRelationshipFilter({})).toBeUndefined();
  });

  it('never follows a next link to another host (the bearer token would go with it)', async () => {
    const g = fakeGraph([
      json({ value: [relationship(1)], '@odata.nextLink': 'https://evil.test/v1.0/steal' }),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const error = await client.listAllRelationships().catch((e: GraphError) => e);
    expect(isGraphError(error) && error.code).toBe('graph_bad_next_link');
    expect(g.calls).toHaveLength(1);
  });

  it('keeps an unknown status value raw and marks reseller relationships', async () => {
    const g = fakeGraph([
      json({
        value: [
          relationship(1, { status: 'someFutureValue' }),
          relationship(2, {
            '@odata.type': '#microsoft.graph.resellerDelegatedAdminRelationship',
            indirectProviderTenantId: CUSTOMER,
            isPartnerConsentPending: true,
          }),
        ],
      }),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const { items } = await client.listRelationshipsPage();
    expect(items[0]!.status).toBe('someFutureValue');
    expect(items[1]!.reseller).toBe(true);
  });

  it('rejects a body that does not validate, with a stable code', async () => {
    const g = fakeGraph([json({ value: [{ status: 'active' }] })]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const error = await client.listRelationshipsPage().catch((e: GraphError) => e);
    expect(isGraphError(error) && error.code).toBe('graph_bad_response');
  });
});

describe('Graph client: errors, retries and correlation', () => {
  it('honours Retry-After on 429, then succeeds, and tells the budget each time', async () => {
    const sleeps: number[] = [];
    const budget = { take: jest.fn(async () => undefined), throttled: jest.fn() };
    const g = fakeGraph([
      graphError(429, 'TooManyRequests', { 'retry-after': '7' }),
      json({ value: [] }),
    ]);
    const client = createGraphClient(token, {
      ...base,
      fetch: g.fetch,
      budget,
      sleep: async (ms) => void sleeps.push(ms),
    });
    await client.listRelationshipsPage();
    expect(sleeps).toEqual([7000]);
    expect(budget.take).toHaveBeenCalledTimes(2);
    expect(budget.throttled).toHaveBeenCalledWith(7000);
  });

  it('gives up after the retries and reports graph_throttled with the Graph code', async () => {
    const g = fakeGraph([
      graphError(429, 'TooManyRequests', { 'retry-after': '1' }),
      graphError(429, 'TooManyRequests', { 'retry-after': '1' }),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch, retry: { maxRetries: 1 } });
    const error = await client.listRelationshipsPage().catch((e: GraphError) => e);
    expect(isGraphError(error) && error.code).toBe('graph_throttled');
    expect((error as GraphError).graphCode).toBe('TooManyRequests');
    expect((error as GraphError).details.retryAfterSeconds).toBe(1);
  });

  it('does not retry a 403 and keeps Authorization_RequestDenied', async () => {
    const g = fakeGraph([graphError(403, 'Authorization_RequestDenied')]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const error = await client.findServicePrincipal(CUSTOMER).catch((e: GraphError) => e);
    expect((error as GraphError).code).toBe('graph_forbidden');
    expect((error as GraphError).graphCode).toBe('Authorization_RequestDenied');
    expect((error as GraphError).details.requestId).toBe('r-1');
    expect(g.calls).toHaveLength(1);
  });

  it('sends the log correlation id as client-request-id, and low priority when asked', async () => {
    const g = fakeGraph([json({ value: [] })]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch, priority: 'low' });
    const correlationId = '0b5e7c3a-1f2d-4e5f-8a9b-0c1d2e3f4a5b';
    await withLogContext(() => client.listRelationshipsPage(), correlationId);
    expect(g.calls[0]!.headers.get('client-request-id')).toBe(correlationId);
    expect(g.calls[0]!.headers.get('x-ms-throttle-priority')).toBe('low');
  });

  it('retries a dropped connection', async () => {
    const g = fakeGraph([new TypeError('fetch failed'), json({ value: [] })]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    await expect(client.listRelationshipsPage()).resolves.toEqual({
      items: [],
      nextLink: undefined,
    });
  });
});

describe('Graph client: the consent check in a customer tenant', () => {
  const APP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

  it('finds the service principal by appId, or null on 404 Request_ResourceNotFound', async () => {
    const g = fakeGraph([
      json({ id: CUSTOMER, appId: APP, displayName: 'Portal' }),
      graphError(404, 'Request_ResourceNotFound'),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    await expect(client.findServicePrincipal(APP)).resolves.toEqual({
      id: CUSTOMER,
      appId: APP,
      displayName: 'Portal',
    });
    await expect(client.findServicePrincipal(APP)).resolves.toBeNull();
    expect(decodeURIComponent(g.calls[0]!.url.pathname)).toBe(
      `/v1.0/servicePrincipals(appId='${APP}')`,
    );
  });

  it('splits space-separated grant scopes', async () => {
    const g = fakeGraph([
      json({
        value: [
          {
            id: 'g1',
            clientId: CUSTOMER,
            consentType: 'AllPrincipals',
            resourceId: APP,
            scope: ' Application.Read.All  User.Read ',
          },
        ],
      }),
    ]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    const grants = await client.listPermissionGrants(CUSTOMER);
    expect(grants[0]!.scopes).toEqual(['Application.Read.All', 'User.Read']);
  });

  it('never puts a malformed id into a URL', async () => {
    const g = fakeGraph([]);
    const client = createGraphClient(token, { ...base, fetch: g.fetch });
    await expect(client.findServicePrincipal("x')/../../me")).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    await expect(client.getRelationship('../../me')).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    expect(g.calls).toHaveLength(0);
  });
});
