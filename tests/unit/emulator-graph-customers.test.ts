import { decodeJwt } from 'jose';
import {
  APP_CONSENT_ROLE_IDS,
  READ_APPLICATIONS_ROLE_IDS,
} from '@/emulator/directory/directory-roles';
import type { Tenant } from '@/emulator/directory/types';
import type { SeedCustomerAccess } from '@/emulator/seed/customer-access';
import { call } from './emulator-keyvault-harness';
import { pcToken } from './emulator-partner-center-harness';
import {
  aadstsOf,
  ADMIN_A,
  GDAP_READ,
  mountGraphWorld,
  PARTNER_A_TENANT_ID,
  PORTAL_CLIENT_ID,
  STAFF_A,
} from './emulator-graph-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- Graph responses are checked field by field */

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';

let world: Awaited<ReturnType<typeof mountGraphWorld>>;
let adminRt: string;

beforeAll(async () => {
  world = await mountGraphWorld(300);
  adminRt = world.plantRefreshToken(ADMIN_A, PARTNER_A_TENANT_ID);
  world.consentPartner(PARTNER_A_TENANT_ID, [GDAP_READ]);
});
afterAll(() => world.close());

/** Partner A's customers whose seed (and Adele's GDAP roles there) satisfy `pick`. */
function customersWhere(
  pick: (s: SeedCustomerAccess, roles: string[], t: Tenant) => boolean,
): Tenant[] {
  const adele = world.directory.findUserByOid(ADMIN_A)!.user;
  return world.directory
    .listTenants('customer')
    .filter((t) => t.partnerTenantId === PARTNER_A_TENANT_ID)
    .filter((t) => {
      const seed = world.directory.delegatedAdmin.seedOf(t.id)!;
      return pick(seed, world.directory.delegatedRoles(adele, PARTNER_A_TENANT_ID, t.id), t);
    });
}

const canRead = (roles: string[]) => roles.some((r) => READ_APPLICATIONS_ROLE_IDS.has(r));
const graph = (path: string, token: string) => call(world.graph.url, path, { token });

describe('customer-tenant tokens through GDAP', () => {
  it('issues a Graph token at the customer authority: tid is the customer, wids the GDAP roles, idp the partner', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'granted' && !s.tokenBlock && canRead(roles),
    )[0]!;
    const token = await world.token(adminRt, GRAPH_DEFAULT, t.id);
    const claims = decodeJwt(token);
    expect(claims.tid).toBe(t.id);
    expect(claims.iss).toBe(`https://sts.windows.net/${t.id}/`);
    expect(claims.idp).toBe(`https://sts.windows.net/${PARTNER_A_TENANT_ID}/`);
    expect(claims.oid).toBe(ADMIN_A);
    const adele = world.directory.findUserByOid(ADMIN_A)!.user;
    expect([...(claims.wids as string[])].sort()).toEqual(
      world.directory.delegatedRoles(adele, PARTNER_A_TENANT_ID, t.id).sort(),
    );
    expect(String(claims.scp).split(' ').sort()).toEqual([
      'Application.Read.All',
      'DelegatedPermissionGrant.Read.All',
    ]);
  });

  it('refuses AADSTS50020 without an active relationship whose assignment reaches one of the user groups', async () => {
    const none = customersWhere((s) => s.bucket === 'none')[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, none.id))).toBe(50020);
    const expired = customersWhere((s) => s.bucket === 'expired')[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, expired.id))).toBe(50020);
    const pending = customersWhere((s) => s.bucket === 'approvalPending')[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, pending.id))).toBe(50020);
    // Active, but only Global Administrator, assigned to a group Adele is not in.
    const gaOnly = customersWhere(
      (s, roles) =>
        s.bucket === 'active' && roles.length === 0 && s.relationships[0]!.assignments.length > 0,
    )[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, gaOnly.id))).toBe(50020);
    // A staff member outside every GDAP group.
    const t = customersWhere((s, roles) => roles.length > 0 && s.consent === 'granted')[0]!;
    const staffRt = world.plantRefreshToken(STAFF_A, PARTNER_A_TENANT_ID);
    expect(await aadstsOf(world.token(staffRt, GRAPH_DEFAULT, t.id))).toBe(50020);
  });

  it('refuses AADSTS65001 where the app is not consented', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'missing' && roles.length > 0 && !s.tokenBlock,
    )[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, t.id))).toBe(65001);
  });

  it('answers with the customer tenant own refusal (Conditional Access 53003, and the control API codes)', async () => {
    const blocked = customersWhere((s, roles) => s.tokenBlock === 53003 && roles.length > 0)[0];
    if (blocked)
      expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, blocked.id))).toBe(53003);
    const t = customersWhere(
      (s, roles) => s.consent === 'granted' && !s.tokenBlock && roles.length > 0,
    )[1]!;
    for (const code of [90099, 530034, 500014, 53003]) {
      world.directory.setDelegatedTokenBlock(t.id, code);
      expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, t.id))).toBe(code);
    }
    world.directory.setDelegatedTokenBlock(t.id, null);
    await expect(world.token(adminRt, GRAPH_DEFAULT, t.id)).resolves.toEqual(expect.any(String));
  });

  it('follows the relationship: terminating it through the control API closes the door', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'granted' && !s.tokenBlock && roles.length > 0,
    )[2]!;
    await expect(world.token(adminRt, GRAPH_DEFAULT, t.id)).resolves.toEqual(expect.any(String));
    const rel = world.directory.delegatedAdmin
      .between(PARTNER_A_TENANT_ID, t.id)
      .find((r) => r.status === 'active')!;
    const res = await call(world.graph.controlUrl, `/relationships/${rel.id}`, {
      method: 'PATCH',
      json: { status: 'terminated' },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('terminated');
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, t.id))).toBe(50020);
  });

  it('expires an active relationship at its end date on the emulator clock, unless it auto-extends', async () => {
    const t = customersWhere((s, roles) => s.bucket === 'expiringSoon' && roles.length > 0)[0]!;
    const rel = world.directory.delegatedAdmin.between(PARTNER_A_TENANT_ID, t.id)[0]!;
    const now = world.ctx.clock.now();
    world.directory.delegatedAdmin.update(rel.id, {
      endAt: now - 1000,
      autoExtendDuration: 'PT0S',
    });
    expect(world.directory.delegatedAdmin.relationship(PARTNER_A_TENANT_ID, rel.id)!.status).toBe(
      'expired',
    );
    world.directory.delegatedAdmin.update(rel.id, { autoExtendDuration: 'P180D' });
    const extended = world.directory.delegatedAdmin.relationship(PARTNER_A_TENANT_ID, rel.id)!;
    expect(extended.status).toBe('active');
    expect(extended.endAt!).toBeGreaterThan(now);
  });
});

describe('Graph in a customer tenant', () => {
  it('finds the app service principal by appId, 404 Request_ResourceNotFound when absent, and its grants with space-separated scopes', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'partial' && !s.tokenBlock && canRead(roles),
    )[0]!;
    const token = await world.token(adminRt, GRAPH_DEFAULT, t.id);
    const sp = await graph(
      `/v1.0/servicePrincipals(appId='${PORTAL_CLIENT_ID}')?$select=id,appId,displayName`,
      token,
    );
    expect(sp.status).toBe(200);
    expect(sp.json).toMatchObject({ appId: PORTAL_CLIENT_ID, displayName: 'Partner Portal' });
    expect(Object.keys(sp.json).sort()).toEqual(['@odata.context', 'appId', 'displayName', 'id']);
    expect(sp.headers.get('x-ms-resource-unit')).toBe('1');

    const byFilter = await graph(
      `/v1.0/servicePrincipals?$filter=appId eq '${PORTAL_CLIENT_ID}'`,
      token,
    );
    expect(byFilter.json.value.map((s: any) => s.id)).toEqual([sp.json.id]);
    const other = '11111111-2222-4333-8444-555555555555';
    const missing = await graph(`/v1.0/servicePrincipals(appId='${other}')`, token);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('Request_ResourceNotFound');
    expect(
      (await graph(`/v1.0/servicePrincipals?$filter=appId eq '${other}'`, token)).json.value,
    ).toEqual([]);

    const grants = await graph(
      `/v1.0/servicePrincipals/${sp.json.id}/oauth2PermissionGrants`,
      token,
    );
    expect(grants.status).toBe(200);
    expect(grants.headers.get('x-ms-resource-unit')).toBe('2');
    const graphSp = (await graph(`/v1.0/servicePrincipals(appId='${GRAPH_APP}')`, token)).json;
    expect(grants.json.value).toEqual([
      expect.objectContaining({
        clientId: sp.json.id,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: graphSp.id,
        scope: 'Directory.Read.All',
      }),
    ]);
    const filtered = await graph(
      `/v1.0/oauth2PermissionGrants?$filter=clientId eq '${sp.json.id}'`,
      token,
    );
    expect(filtered.json.value).toEqual(grants.json.value);
  });

  it('answers 403 Authorization_RequestDenied when the GDAP roles cannot read applications', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'granted' && !s.tokenBlock && roles.length > 0 && !canRead(roles),
    )[0]!;
    const token = await world.token(adminRt, GRAPH_DEFAULT, t.id);
    const res = await graph(`/v1.0/servicePrincipals(appId='${PORTAL_CLIENT_ID}')`, token);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('Authorization_RequestDenied');
  });

  it('throttles identity reads by resource units per app and tenant', async () => {
    const t = customersWhere(
      (s, roles) => s.consent === 'granted' && !s.tokenBlock && canRead(roles),
    )[3]!;
    const token = await world.token(adminRt, GRAPH_DEFAULT, t.id);
    world.graphService.reset();
    await call(world.graph.controlUrl, '/throttle', {
      method: 'PUT',
      json: { identityUnitsPer10s: 3 },
    });
    const sp = await graph(`/v1.0/servicePrincipals(appId='${PORTAL_CLIENT_ID}')`, token); // 1 unit
    expect(sp.status).toBe(200);
    expect(
      (await graph(`/v1.0/servicePrincipals/${sp.json.id}/oauth2PermissionGrants`, token)).status,
    ).toBe(200); // 2 units
    const res = await graph(`/v1.0/servicePrincipals(appId='${PORTAL_CLIENT_ID}')`, token);
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('TooManyRequests');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('x-ms-throttle-scope')).toContain(t.id);
    world.graphService.reset();
  });
});

describe('Partner Center applicationconsents', () => {
  const body = (
    scope = 'Application.Read.All,DelegatedPermissionGrant.Read.All,Directory.Read.All',
  ) => ({
    displayName: 'Partner Portal',
    applicationId: PORTAL_CLIENT_ID,
    applicationGrants: [{ enterpriseApplicationId: GRAPH_APP, scope }],
  });
  const adminPc = () =>
    pcToken(world.ctx, PARTNER_A_TENANT_ID, { oid: ADMIN_A, appid: PORTAL_CLIENT_ID });
  const consentRole = (roles: string[]) => roles.some((r) => APP_CONSENT_ROLE_IDS.has(r));

  it('grants (201), then Graph sees the service principal; again is 409; delete removes it', async () => {
    const t = customersWhere(
      (s, roles) =>
        s.consent === 'missing' && !s.tokenBlock && consentRole(roles) && canRead(roles),
    )[0]!;
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, t.id))).toBe(65001);
    const token = await adminPc();
    const path = `/v1/customers/${t.id}/applicationconsents`;
    const created = await call(world.pc.url, path, { method: 'POST', token, json: body() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      applicationId: PORTAL_CLIENT_ID,
      applicationGrants: [{ enterpriseApplicationId: GRAPH_APP }],
    });

    const graphToken = await world.token(adminRt, GRAPH_DEFAULT, t.id);
    const sp = await graph(`/v1.0/servicePrincipals(appId='${PORTAL_CLIENT_ID}')`, graphToken);
    expect(sp.status).toBe(200);

    const again = await call(world.pc.url, path, {
      method: 'POST',
      token,
      json: body('Directory.Read.All'),
    });
    expect(again.status).toBe(409);
    expect(again.json.description).toContain('Permission entry already exists');

    const deleted = await call(world.pc.url, `${path}/${PORTAL_CLIENT_ID}`, {
      method: 'DELETE',
      token,
    });
    expect(deleted.status).toBe(200);
    expect(await aadstsOf(world.token(adminRt, GRAPH_DEFAULT, t.id))).toBe(65001);
    expect(
      (await call(world.pc.url, `${path}/${PORTAL_CLIENT_ID}`, { method: 'DELETE', token })).status,
    ).toBe(404);
  });

  it('accepts PascalCase field names, as CIPP sends them', async () => {
    const t = customersWhere((s, roles) => s.consent === 'missing' && consentRole(roles))[1]!;
    const res = await call(world.pc.url, `/v1/customers/${t.id}/applicationconsents`, {
      method: 'POST',
      token: await adminPc(),
      json: {
        ApplicationId: PORTAL_CLIENT_ID,
        ApplicationGrants: [{ EnterpriseApplicationId: GRAPH_APP, Scope: 'Directory.Read.All' }],
      },
    });
    expect(res.status).toBe(201);
  });

  it('is 403 without a consent role through GDAP, for a non admin agent, for app-only tokens and for another app id', async () => {
    const noRole = customersWhere(
      (s, roles) => s.consent === 'missing' && roles.length > 0 && !consentRole(roles),
    )[0]!;
    const t = customersWhere((s, roles) => s.consent === 'missing' && consentRole(roles))[2]!;
    const post = async (customer: string, token: string, json: unknown = body()) =>
      call(world.pc.url, `/v1/customers/${customer}/applicationconsents`, {
        method: 'POST',
        token,
        json,
      });
    expect((await post(noRole.id, await adminPc())).status).toBe(403);
    const staff = await pcToken(world.ctx, PARTNER_A_TENANT_ID, {
      oid: STAFF_A,
      appid: PORTAL_CLIENT_ID,
    });
    expect((await post(t.id, staff)).status).toBe(403);
    const appOnly = await pcToken(world.ctx, PARTNER_A_TENANT_ID, {
      scp: undefined,
      amr: undefined,
      idtyp: 'app',
      appid: PORTAL_CLIENT_ID,
    });
    expect((await post(t.id, appOnly)).status).toBe(403);
    const otherApp = await pcToken(world.ctx, PARTNER_A_TENANT_ID, {
      oid: ADMIN_A,
      appid: '11111111-2222-4333-8444-555555555555',
    });
    expect((await post(t.id, otherApp)).status).toBe(403);
    // Nothing was created by any refusal.
    expect(world.directory.customerAppConsent(t.id, PORTAL_CLIENT_ID)).toBeUndefined();
  });

  it.each([
    ['no body', undefined],
    ['no grants', { applicationId: PORTAL_CLIENT_ID, applicationGrants: [] }],
    [
      'bad app id',
      {
        applicationId: 'nope',
        applicationGrants: [{ enterpriseApplicationId: GRAPH_APP, scope: 'User.Read' }],
      },
    ],
    [
      'unknown resource',
      {
        applicationId: PORTAL_CLIENT_ID,
        applicationGrants: [
          { enterpriseApplicationId: '11111111-2222-4333-8444-555555555555', scope: 'x' },
        ],
      },
    ],
    [
      'unknown scope',
      {
        applicationId: PORTAL_CLIENT_ID,
        applicationGrants: [{ enterpriseApplicationId: GRAPH_APP, scope: 'Mail.Nuke' }],
      },
    ],
  ])('is 400 for %s', async (_label, json) => {
    const t = customersWhere((s, roles) => s.consent === 'missing' && consentRole(roles))[3]!;
    const res = await call(world.pc.url, `/v1/customers/${t.id}/applicationconsents`, {
      method: 'POST',
      token: await adminPc(),
      ...(json === undefined ? {} : { json }),
    });
    expect(res.status).toBe(400);
  });

  it('is limited to 50 requests a second per application id, apart from the customer-route budget', async () => {
    const clock = world.ctx.clock;
    const frozen = clock.now();
    const realNow = clock.now.bind(clock);
    clock.now = () => frozen; // one instant: the budget, not the machine's speed, decides
    try {
      world.pcService.reset();
      const token = await adminPc();
      const t = customersWhere((s, roles) => s.consent === 'granted' && consentRole(roles))[0]!;
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++)
        statuses.push(
          (
            await call(world.pc.url, `/v1/customers/${t.id}/applicationconsents`, {
              method: 'POST',
              token,
              json: body(),
            })
          ).status,
        );
      expect(statuses.slice(0, 50).every((s) => s === 409)).toBe(true);
      expect(statuses[50]).toBe(429);
      // The customer routes still answer: their budget is separate.
      expect((await call(world.pc.url, `/v1/customers/${t.id}`, { token })).status).toBe(200);
    } finally {
      clock.now = realNow;
      world.pcService.reset();
    }
  });
});
