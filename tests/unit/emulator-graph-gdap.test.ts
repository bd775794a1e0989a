import { decodeJwt } from 'jose';
import { partnerGroupId } from '@/emulator/directory/partner-groups';
import { call } from './emulator-keyvault-harness';
import {
  aadstsOf,
  ADMIN_A,
  GDAP_READ,
  mountGraphWorld,
  PARTNER_A_TENANT_ID,
  STAFF_A,
} from './emulator-graph-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- Graph responses are checked field by field */

const LIST = '/v1.0/tenantRelationships/delegatedAdminRelationships';
const GRAPH_GDAP = `https://graph.microsoft.com/${GDAP_READ}`;

let world: Awaited<ReturnType<typeof mountGraphWorld>>;
let adminRt: string;
let adminToken: string;

beforeAll(async () => {
  world = await mountGraphWorld(300);
  adminRt = world.plantRefreshToken(ADMIN_A, PARTNER_A_TENANT_ID);
});
afterAll(() => world.close());

const get = (path: string, token = adminToken) => call(world.graph.url, path, { token });
const relative = (link: string) => link.slice(world.graph.url.length);

describe('Graph tokens from the stored refresh token', () => {
  it('refuses the GDAP permission with AADSTS65001 until the partner consented to it', async () => {
    world.consentPartner(PARTNER_A_TENANT_ID, []);
    expect(await aadstsOf(world.token(adminRt, GRAPH_GDAP, PARTNER_A_TENANT_ID))).toBe(65001);
  });

  it('issues a Graph token carrying the permission once consented', async () => {
    world.consentPartner(PARTNER_A_TENANT_ID, [GDAP_READ]);
    adminToken = await world.token(adminRt, GRAPH_GDAP, PARTNER_A_TENANT_ID);
    const claims = decodeJwt(adminToken);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.iss).toBe(`https://sts.windows.net/${PARTNER_A_TENANT_ID}/`);
    expect(String(claims.scp).split(' ')).toContain(GDAP_READ);
    expect(claims.tid).toBe(PARTNER_A_TENANT_ID);
  });
});

describe('GET delegatedAdminRelationships', () => {
  it('pages with @odata.nextLink until every relationship of the partner was listed once', async () => {
    const expected = world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID);
    expect(expected.length).toBeGreaterThan(300);
    const seen: string[] = [];
    let path: string | undefined = `${LIST}?$top=300`;
    let pages = 0;
    while (path) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.json['@odata.context']).toContain('#delegatedAdminRelationships');
      expect(res.json.value.length).toBeLessThanOrEqual(300);
      seen.push(...res.json.value.map((r: any) => r.id));
      const next: string | undefined = res.json['@odata.nextLink'];
      if (next) expect(next.startsWith(`${world.graph.url}${LIST}?`)).toBe(true);
      path = next && relative(next);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(expected.length / 300));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('uses a default page of 100 and shapes each item as Graph does', async () => {
    const res = await get(LIST);
    expect(res.json.value).toHaveLength(100);
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const item = res.json.value[0];
    expect(item['@odata.type']).toMatch(
      /^#microsoft\.graph\.(reseller)?[dD]elegatedAdminRelationship$/,
    );
    expect(item['@odata.etag']).toMatch(/^W\/"/);
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining([
        'id',
        'displayName',
        'duration',
        'status',
        'autoExtendDuration',
        'customer',
        'accessDetails',
        'endDateTime',
        'activatedDateTime',
        'createdDateTime',
        'lastModifiedDateTime',
      ]),
    );
    expect(item.id).toMatch(/^[0-9a-f-]{36}-[0-9a-f-]{36}$/);
  });

  it('has a realistic mix: several statuses, a reseller relationship, null dates before activation', async () => {
    const all = world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID);
    const statuses = new Set(all.map((r) => r.status));
    for (const s of ['active', 'expired', 'terminated', 'approvalPending'])
      expect(statuses).toContain(s);
    const pending = (await get(`${LIST}?$filter=status eq 'approvalPending'&$top=1`)).json.value[0];
    expect(pending.activatedDateTime).toBeNull();
    expect(pending.endDateTime).toBeNull();
    expect(all.some((r) => r.reseller)).toBe(true);
  });

  it('filters on status and customer/tenantId, joined by and/AND, with or without parentheses', async () => {
    const all = world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID);
    const active = (
      await get(`${LIST}?$filter=${encodeURIComponent("status eq 'active'")}&$top=300`)
    ).json;
    expect(active.value.every((r: any) => r.status === 'active')).toBe(true);
    const customer = all.find((r) => r.status === 'active')!.customerTenantId;
    const expected = all
      .filter((r) => r.customerTenantId === customer && r.status === 'active')
      .map((r) => r.id);
    for (const f of [
      `status eq 'active' and customer/tenantId eq '${customer}'`,
      `(status eq 'active') AND (customer/tenantId eq '${customer}')`,
      `(customer/tenantId eq '${customer.toUpperCase()}' and status eq 'active')`,
    ]) {
      const res = await get(`${LIST}?$filter=${encodeURIComponent(f)}`);
      expect(res.status).toBe(200);
      expect(res.json.value.map((r: any) => r.id)).toEqual(expected);
    }
    const byCustomer = await get(
      `${LIST}?$filter=${encodeURIComponent(`customer/tenantId eq '${customer}'`)}`,
    );
    expect(byCustomer.json.value.every((r: any) => r.customer.tenantId === customer)).toBe(true);
  });

  it.each([
    ['$top=301', "The limit of '300' for Top query has been exceeded"],
    ['$top=0', 'Invalid value'],
    ['$top=abc', 'Invalid value'],
    [`$filter=${encodeURIComponent("status ne 'active'")}`, 'Invalid filter clause'],
    [`$filter=${encodeURIComponent("secret eq 'x'")}`, 'Invalid filter clause'],
    [
      `$filter=${encodeURIComponent("status eq 'active' or status eq 'expired'")}`,
      'Invalid filter clause',
    ],
    [`$filter=${encodeURIComponent("status eq 'active")}`, 'unterminated'],
    ['$select=id,nonsense', "Could not find a property named 'nonsense'"],
    ['$skiptoken=not-a-token', '$skiptoken'],
    ['$orderby=displayName', '$orderby'],
  ])('answers %s with 400 in the Graph error envelope', async (query, text) => {
    const res = await get(`${LIST}?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadRequest');
    expect(res.json.error.message).toContain(text);
    expect(res.json.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.json.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('refuses a skip token taken from another query', async () => {
    const first = await get(`${LIST}?$top=5`);
    const token = new URL(first.json['@odata.nextLink']).searchParams.get('$skiptoken')!;
    const res = await get(
      `${LIST}?$top=5&$filter=${encodeURIComponent("status eq 'active'")}&$skiptoken=${token}`,
    );
    expect(res.status).toBe(400);
  });

  it('returns only the selected fields with $select', async () => {
    const res = await get(`${LIST}?$select=status,endDateTime&$top=3`);
    for (const item of res.json.value)
      expect(Object.keys(item).sort()).toEqual([
        '@odata.etag',
        '@odata.type',
        'endDateTime',
        'id',
        'status',
      ]);
  });

  it('answers a caller outside Admin Agents with 200 and an empty list, as Graph does by design', async () => {
    const staffRt = world.plantRefreshToken(STAFF_A, PARTNER_A_TENANT_ID);
    const staffToken = await world.token(staffRt, GRAPH_GDAP, PARTNER_A_TENANT_ID);
    const res = await get(LIST, staffToken);
    expect(res.status).toBe(200);
    expect(res.json.value).toEqual([]);
    expect(res.json['@odata.nextLink']).toBeUndefined();
    const id = world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID)[0]!.id;
    expect((await get(`${LIST}/${id}`, staffToken)).status).toBe(404);
  });

  it('refuses a token without the GDAP permission with 403 Authorization_RequestDenied', async () => {
    const userRead = await world.token(
      adminRt,
      'https://graph.microsoft.com/User.Read',
      PARTNER_A_TENANT_ID,
    );
    const res = await get(LIST, userRead);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('Authorization_RequestDenied');
  });

  it.each([
    ['no token', undefined, 'Access token is empty.'],
    ['garbage', 'not-a-jwt', 'Access token validation failure.'],
  ])('answers %s with 401 InvalidAuthenticationToken', async (_label, token, message) => {
    const res = await call(world.graph.url, LIST, token ? { token } : {});
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
  });

  it('refuses a token for another audience (Partner Center)', async () => {
    const pcToken = await world.token(
      adminRt,
      'https://api.partnercenter.microsoft.com/.default',
      PARTNER_A_TENANT_ID,
    );
    const res = await get(LIST, pcToken);
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain('Invalid audience');
  });
});

describe('GET a relationship and its access assignments', () => {
  it('gets one by id, and 404 Request_ResourceNotFound for an unknown id', async () => {
    const rel = world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID)[7]!;
    const res = await get(`${LIST}/${rel.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: rel.id,
      status: rel.status,
      customer: { tenantId: rel.customerTenantId },
    });
    const missing = await get(
      `${LIST}/00000000-0000-4000-8000-000000000000-00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('Request_ResourceNotFound');
  });

  it('lists access assignments: partner security groups with a subset of the relationship roles', async () => {
    const rel = world.directory.delegatedAdmin
      .relationshipsOf(PARTNER_A_TENANT_ID)
      .find((r) => r.status === 'active' && r.assignments.length > 1)!;
    const res = await get(`${LIST}/${rel.id}/accessAssignments`);
    expect(res.status).toBe(200);
    expect(res.json['@odata.context']).toContain('#accessAssignments');
    const groupIds = new Set(
      rel.assignments.map((a) => partnerGroupId(PARTNER_A_TENANT_ID, a.group)),
    );
    for (const a of res.json.value) {
      expect(a.accessContainer.accessContainerType).toBe('securityGroup');
      expect(groupIds).toContain(a.accessContainer.accessContainerId);
      expect(['active', 'pending', 'error']).toContain(a.status);
      for (const r of a.accessDetails.unifiedRoles)
        expect(rel.roleIds).toContain(r.roleDefinitionId);
    }
    const top1 = await get(`${LIST}/${rel.id}/accessAssignments?$top=1`);
    expect(top1.json.value).toHaveLength(1);
    expect(top1.json['@odata.nextLink']).toContain('$skiptoken=');
  });
});

describe('throttling and faults', () => {
  beforeEach(() => world.graphService.reset());
  afterEach(async () => {
    world.graphService.reset();
    world.ctx.faults.clear();
  });

  it('answers 429 TooManyRequests with Retry-After once the per-app budget of the partner is spent', async () => {
    const put = await call(world.graph.controlUrl, '/throttle', {
      method: 'PUT',
      json: { relationshipsPerAppPer20s: 3 },
    });
    expect(put.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get(`${LIST}?$top=1`)).status).toBe(200);
    const res = await get(`${LIST}?$top=1`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.json.error.code).toBe('TooManyRequests');
  });

  it('applies injected faults to Graph routes with Graph-shaped bodies', async () => {
    world.ctx.faults.add({
      service: 'graph',
      route: 'GET /v1.0/tenantRelationships',
      kind: 'status',
      status: 503,
      retryAfter: 7,
      count: 1,
    });
    const res = await get(LIST);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.json.error.code).toBe('serviceNotAvailable');
    expect((await get(`${LIST}?$top=1`)).status).toBe(200);
  });
});

describe('PATCH a relationship (auto-extend)', () => {
  const GA = '62e90394-69f5-4237-9190-012177145e10';
  let rwToken: string;
  beforeAll(async () => {
    world.consentPartner(PARTNER_A_TENANT_ID, [
      GDAP_READ,
      'DelegatedAdminRelationship.ReadWrite.All',
    ]);
    rwToken = await world.token(
      adminRt,
      'https://graph.microsoft.com/DelegatedAdminRelationship.ReadWrite.All',
      PARTNER_A_TENANT_ID,
    );
  });
  const patch = (id: string, body: unknown, ifMatch?: string, token = rwToken) =>
    call(world.graph.url, `${LIST}/${id}`, {
      method: 'PATCH',
      token,
      json: body,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
    });
  const find = (
    pick: (r: ReturnType<typeof world.directory.delegatedAdmin.relationshipsOf>[number]) => boolean,
  ) => world.directory.delegatedAdmin.relationshipsOf(PARTNER_A_TENANT_ID).find(pick)!;

  it('turns auto-extend on with the current ETag in If-Match, and 412 for a stale one', async () => {
    const r = find(
      (x) => x.status === 'active' && !x.roleIds.includes(GA) && x.autoExtendDuration === 'PT0S',
    );
    const etag = (await get(`${LIST}/${r.id}`)).json['@odata.etag'];
    const ok = await patch(r.id, { autoExtendDuration: 'P180D' }, etag);
    expect(ok.status).toBe(200);
    expect(ok.json.autoExtendDuration).toBe('P180D');
    expect(ok.json['@odata.etag']).not.toBe(etag);
    const stale = await patch(r.id, { autoExtendDuration: 'PT0S' }, etag);
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('PreconditionFailed');
  });

  it('refuses without If-Match, with a read-only token, for Global Administrator, when not active, and bad values', async () => {
    const r = find((x) => x.status === 'active' && !x.roleIds.includes(GA));
    expect((await patch(r.id, { autoExtendDuration: 'P180D' })).status).toBe(400);
    expect((await patch(r.id, { autoExtendDuration: 'P180D' }, '*', adminToken)).status).toBe(403);
    expect((await patch(r.id, { autoExtendDuration: 'P90D' }, '*')).status).toBe(400);
    expect((await patch(r.id, { displayName: 'x' }, '*')).status).toBe(400);
    const ga = find((x) => x.status === 'active' && x.roleIds.includes(GA));
    const refused = await patch(ga.id, { autoExtendDuration: 'P180D' }, '*');
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('Global Administrator');
    const expired = find((x) => x.status === 'expired');
    expect((await patch(expired.id, { autoExtendDuration: 'P180D' }, '*')).status).toBe(400);
  });
});
