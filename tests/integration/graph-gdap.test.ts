import {
  READ_APPLICATIONS_ROLE_IDS,
  APP_CONSENT_ROLE_IDS,
} from '../../emulator/directory/directory-roles';
import { seedCustomers } from '../../emulator/seed';
import { seedCustomerAccess, type SeedCustomerAccess } from '../../emulator/seed/customer-access';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { codeForm, refreshForm, signInForCode, tokenRequest } from './entra-raw-client';

/* eslint-disable @typescript-eslint/no-explicit-any -- Graph responses are checked field by field */

/**
 * Microsoft Graph through the emulator process over real HTTPS: a partner admin consents to
 * Partner Center and the GDAP permission, lists relationships page by page, reaches a customer
 * tenant through GDAP, and grants and removes the app's consent there through Partner Center.
 * A private cloud, because the test changes consents, relationships and throttling.
 */

const GDAP = 'https://graph.microsoft.com/DelegatedAdminRelationship.Read.All';
const PC = 'https://api.partnercenter.microsoft.com/user_impersonation';
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';

let cloud: PrivateCloud;
beforeAll(async () => {
  cloud = await startPrivateCloud();
}, 120_000);
afterAll(() => cloud?.stop());

const m = () => cloud.manifest;

async function redeem(rt: string, scope: string, tenant: string) {
  return tokenRequest(m(), tenant, refreshForm(m(), rt, scope));
}

async function graphGet(path: string, token: string) {
  const url = path.startsWith('https://') ? path : `${m().graph!.url}${path}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

/** Partner B's customers with their seed (buckets and consent do not depend on the anchor day). */
function partnerBCustomers(): Array<{ id: string; seed: SeedCustomerAccess }> {
  const b = seededTenants(m()).partnerB.id;
  const { byPartner } = seedCustomers([seededTenants(m()).partnerA.id, b], 10, []);
  return byPartner.get(b)!.map((c) => ({
    id: c.id,
    seed: seedCustomerAccess(b, { id: c.id, displayName: c.companyName }, Date.now()),
  }));
}

/** Roles the seeded partner B admin (in every GDAP group) holds in a customer: active assignments of active relationships. */
const rolesIn = (s: SeedCustomerAccess) =>
  s.relationships
    .filter((r) => r.status === 'active')
    .flatMap((r) => r.assignments.filter((a) => a.status === 'active').flatMap((a) => a.roleIds));

describe('Graph through the emulator process', () => {
  let rt: string;
  let pcToken: string;
  let gdapToken: string;

  it('refuses a Graph token for the GDAP permission with AADSTS65001 when only Partner Center was consented', async () => {
    const a = seededTenants(m()).partnerA;
    const grant = await signInForCode(
      m(),
      a.id,
      seededUser(a, 'admin'),
      `${PC} offline_access openid profile`,
      {},
      { consent: 'accept-for-organization' },
    );
    const first = await tokenRequest(m(), a.id, codeForm(m(), grant));
    expect(first.status).toBe(200);
    const refused = await redeem(String(first.json.refresh_token), GDAP, a.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_grant');
    expect(refused.json.error_codes).toEqual([65001]);
  }, 60_000);

  it('issues Partner Center and Graph tokens from one refresh token once both were consented', async () => {
    const b = seededTenants(m()).partnerB;
    const grant = await signInForCode(
      m(),
      b.id,
      seededUser(b, 'admin'),
      `${PC} ${GDAP} offline_access openid profile`,
      {},
      { consent: 'accept-for-organization' },
    );
    // The consent page listed the Graph permission beside Partner Center's.
    expect(grant.signIn.consentHtml).toContain('Read Delegated Admin relationships with customers');
    expect(grant.signIn.consentHtml).toContain('Microsoft Graph');
    const first = await tokenRequest(m(), b.id, codeForm(m(), grant));
    expect(first.status).toBe(200);
    pcToken = String(first.json.access_token);
    rt = String(first.json.refresh_token);
    const graph = await redeem(rt, GDAP, b.id);
    expect(graph.status).toBe(200);
    gdapToken = String(graph.json.access_token);
    expect(String(graph.json.scope)).toContain('DelegatedAdminRelationship.Read.All');
  }, 60_000);

  it('lists every relationship of partner B page by page with @odata.nextLink, and filters', async () => {
    const summary = (await (await fetch(`${m().control.url}/graph/summary`)).json()) as any;
    const b = summary.partners.find((p: any) => p.tenantId === seededTenants(m()).partnerB.id);
    let next: string | undefined = '/v1.0/tenantRelationships/delegatedAdminRelationships?$top=50';
    const ids = new Set<string>();
    while (next) {
      const page = await graphGet(next, gdapToken);
      expect(page.status).toBe(200);
      page.json.value.forEach((r: any) => ids.add(r.id));
      next = page.json['@odata.nextLink'];
    }
    expect(ids.size).toBe(b.relationships);
    const active = await graphGet(
      `/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent("status eq 'active'")}&$top=300`,
      gdapToken,
    );
    expect(active.json.value.length).toBe(b.relationshipsByStatus.active);
    const stats = (await (await fetch(`${m().control.url}/stats`)).json()) as any;
    expect(
      stats.counts['graph GET /v1.0/tenantRelationships/delegatedAdminRelationships 200'],
    ).toBeGreaterThan(2);
  });

  it('reaches a customer through GDAP, grants the app there through Partner Center (201, then 409), and removes it', async () => {
    const customers = partnerBCustomers();
    const readable = customers.find(
      (c) =>
        c.seed.consent === 'granted' &&
        !c.seed.tokenBlock &&
        rolesIn(c.seed).some((r) => READ_APPLICATIONS_ROLE_IDS.has(r)),
    )!;
    const token = await redeem(rt, 'https://graph.microsoft.com/.default', readable.id);
    expect(token.status).toBe(200);
    const sp = await graphGet(
      `/v1.0/servicePrincipals(appId='${m().portalApp.clientId}')?$select=id,appId`,
      String(token.json.access_token),
    );
    expect(sp.status).toBe(200);

    const missing = customers.find(
      (c) =>
        c.seed.consent === 'missing' &&
        !c.seed.tokenBlock &&
        rolesIn(c.seed).some((r) => APP_CONSENT_ROLE_IDS.has(r)) &&
        rolesIn(c.seed).some((r) => READ_APPLICATIONS_ROLE_IDS.has(r)),
    )!;
    expect(
      (await redeem(rt, 'https://graph.microsoft.com/.default', missing.id)).json.error_codes,
    ).toEqual([65001]);
    const consents = `${m().partnerCenter!.url}/v1/customers/${missing.id}/applicationconsents`;
    const post = () =>
      fetch(consents, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${pcToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          applicationId: m().portalApp.clientId,
          applicationGrants: [
            { enterpriseApplicationId: GRAPH_APP, scope: m().graph!.appConsentScopes.join(',') },
          ],
        }),
      });
    expect((await post()).status).toBe(201);
    const after = await redeem(rt, 'https://graph.microsoft.com/.default', missing.id);
    expect(after.status).toBe(200);
    const grants = await graphGet(
      `/v1.0/servicePrincipals(appId='${m().portalApp.clientId}')/oauth2PermissionGrants`,
      String(after.json.access_token),
    );
    expect(grants.json.value[0].scope.split(' ').sort()).toEqual(
      [...m().graph!.appConsentScopes].sort(),
    );
    const again = await post();
    expect(again.status).toBe(409);
    const del = await fetch(`${consents}/${m().portalApp.clientId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${pcToken}` },
    });
    expect(del.status).toBe(200);
    expect(
      (await redeem(rt, 'https://graph.microsoft.com/.default', missing.id)).json.error_codes,
    ).toEqual([65001]);
  }, 60_000);

  it('closes the customer door when the control API terminates the relationship', async () => {
    const c = partnerBCustomers().find(
      (x) =>
        x.seed.consent === 'granted' &&
        !x.seed.tokenBlock &&
        x.seed.bucket === 'active' &&
        rolesIn(x.seed).length > 0,
    )!;
    expect((await redeem(rt, 'https://graph.microsoft.com/.default', c.id)).status).toBe(200);
    const filter = encodeURIComponent(`customer/tenantId eq '${c.id}' and status eq 'active'`);
    const rel = (
      await graphGet(
        `/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${filter}`,
        gdapToken,
      )
    ).json.value[0];
    const patched = await fetch(`${m().control.url}/graph/relationships/${rel.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'terminated' }),
    });
    expect(patched.status).toBe(200);
    const refused = await redeem(rt, 'https://graph.microsoft.com/.default', c.id);
    expect(refused.json.error_codes).toEqual([50020]);
  });

  it('answers 429 with Retry-After once the (lowered) budget is spent by the calls above', async () => {
    await fetch(`${m().control.url}/graph/throttle`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ relationshipsPerAppPer20s: 1 }),
    });
    const res = await graphGet(
      '/v1.0/tenantRelationships/delegatedAdminRelationships?$top=1',
      gdapToken,
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.json.error.code).toBe('TooManyRequests');
  });
});
