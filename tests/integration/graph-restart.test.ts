import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { APP_CONSENT_ROLE_IDS } from '../../emulator/directory/directory-roles';
import { seedCustomers } from '../../emulator/seed';
import { seedCustomerAccess } from '../../emulator/seed/customer-access';
import {
  freePort,
  startEmulatorProcess,
  type EmulatorHandle,
} from '../../scripts/emulator-process';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { codeForm, refreshForm, signInForCode, tokenRequest } from './entra-raw-client';

/**
 * The emulator's state survives a restart: refresh tokens (now journaled), a consent granted
 * through Partner Center and a relationship changed through the control API are all there
 * when a new process starts on the same state folder.
 */

const GRAPH_APP = '00000003-0000-0000-c000-000000000000';
let stateDir: string;
let cloud: EmulatorHandle | undefined;

async function start(): Promise<EmulatorHandle> {
  const portalUrl = `http://localhost:${await freePort()}`;
  return startEmulatorProcess({ portalUrl, stateDir, reuseTlsDir: dirname(loadManifest().ca) });
}

beforeAll(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'graph-restart-'));
});
afterAll(() => {
  cloud?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

it('keeps refresh tokens, consents and relationship changes across a restart', async () => {
  cloud = await start();
  const m = cloud.manifest;
  const b = seededTenants(m).partnerB;
  const grant = await signInForCode(
    m,
    b.id,
    seededUser(b, 'admin'),
    'https://api.partnercenter.microsoft.com/user_impersonation https://graph.microsoft.com/DelegatedAdminRelationship.Read.All offline_access openid profile',
    {},
    { consent: 'accept-for-organization' },
  );
  const first = await tokenRequest(m, b.id, codeForm(m, grant));
  const rt = String(first.json.refresh_token);
  const pcToken = String(first.json.access_token);

  const customers = seedCustomers([seededTenants(m).partnerA.id, b.id], 10, []).byPartner.get(
    b.id,
  )!;
  const seeds = customers.map((c) => ({
    id: c.id,
    seed: seedCustomerAccess(b.id, { id: c.id, displayName: c.companyName }, Date.now()),
  }));
  const roles = (s: (typeof seeds)[number]['seed']) =>
    s.relationships
      .filter((r) => r.status === 'active')
      .flatMap((r) => r.assignments.filter((a) => a.status === 'active').flatMap((a) => a.roleIds));
  const missing = seeds.find(
    (c) =>
      c.seed.consent === 'missing' &&
      !c.seed.tokenBlock &&
      roles(c.seed).some((r) => APP_CONSENT_ROLE_IDS.has(r)),
  )!;
  const working = seeds.find(
    (c) =>
      c.seed.consent === 'granted' &&
      !c.seed.tokenBlock &&
      c.seed.bucket === 'active' &&
      roles(c.seed).length > 0 &&
      c.id !== missing.id,
  )!;

  const post = await fetch(
    `${m.partnerCenter!.url}/v1/customers/${missing.id}/applicationconsents`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${pcToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        applicationId: m.portalApp.clientId,
        applicationGrants: [{ enterpriseApplicationId: GRAPH_APP, scope: 'Application.Read.All' }],
      }),
    },
  );
  expect(post.status).toBe(201);
  const rel = seeds
    .find((c) => c.id === working.id)!
    .seed.relationships.find((r) => r.status === 'active')!;
  const patch = await fetch(`${m.control.url}/graph/relationships/${rel.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'terminated' }),
  });
  expect(patch.status).toBe(200);

  cloud.stop();
  cloud = await start();
  const m2 = cloud.manifest;
  const redeem = (tenant: string) =>
    tokenRequest(m2, tenant, refreshForm(m2, rt, 'https://graph.microsoft.com/.default'));
  expect((await redeem(missing.id)).status).toBe(200);
  expect((await redeem(working.id)).json.error_codes).toEqual([50020]);
  const gdap = await tokenRequest(
    m2,
    b.id,
    refreshForm(m2, rt, 'https://graph.microsoft.com/DelegatedAdminRelationship.Read.All'),
  );
  expect(gdap.status).toBe(200);
}, 120_000);
