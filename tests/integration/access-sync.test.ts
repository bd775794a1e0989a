/**
 * The access sync for partner B (120 customers) against a private local cloud (Entra, Key Vault,
 * Partner Center and Graph as separate HTTPS services) and an isolated PostgreSQL database: the
 * real token brokers, msal-node, the Graph and Partner Center clients, the RLS repository.
 * Private, because the file changes consents, relationships, group membership and throttling.
 */
import { sql } from 'kysely';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { getAccessRepository } from '@/lib/access/get-access-repository';
import { liveSyncDeps } from '@/lib/access/live-sync-deps';
import { RateBudget } from '@/lib/access/rate-budget';
import { checkCustomerNow } from '@/lib/access/check-customer-now';
import { grantCustomerConsent, removeCustomerConsent } from '@/lib/access/consent-grant';
import { syncPartner } from '@/lib/access/sync-partner';
import { getConfig, resetConfigForTests } from '@/lib/config';
import { createGraphClient } from '@/lib/graph';
import { getCustomerTokenBroker, getTokenBroker } from '@/lib/tokens';
import { partnerGroups } from '@/emulator/directory/partner-groups';
import { getRefreshTokenStore } from '@/lib/vault';
import { resetSecretClientForTests } from '@/lib/vault/get-secret-client';
import { connectPartner } from '../support/connect-partner';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let cloud: PrivateCloud;
let t: TestDatabase;
let partner: TenantId;
const savedEnv = { ...process.env };

/* eslint-disable @typescript-eslint/no-explicit-any -- control API answers are read field by field */
async function controlCall(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${cloud.manifest.control.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status}`);
  return res.json();
}

/** Graph and token requests the emulator saw, from its request counters. */
async function upstreamCalls(): Promise<number> {
  const { counts } = (await controlCall('GET', '/stats')) as { counts: Record<string, number> };
  return Object.entries(counts)
    .filter(([k]) => k.startsWith('graph ') || (k.startsWith('entra POST') && k.includes('/token')))
    .reduce((n, [, v]) => n + v, 0);
}

beforeAll(async () => {
  cloud = await startPrivateCloud();
  Object.assign(process.env, cloud.env);
  t = await createTestDatabase();
  t.useForLib();
  resetConfigForTests();
  resetSecretClientForTests();
  partner = await connectPartner('partnerB');
}, 180_000);

afterAll(async () => {
  await t?.drop();
  await cloud?.stop();
  process.env = savedEnv;
  resetConfigForTests();
});

const deps = (over: Parameters<typeof liveSyncDeps>[1] = {}) =>
  liveSyncDeps(partner, { maxRunMs: undefined, ...over });

describe('the access sync for partner B', () => {
  it('reads every relationship page by page, and filters on status and customer', async () => {
    const graph = createGraphClient(() =>
      getTokenBroker().getAccessToken(toTenantId(partner), getConfig().GRAPH_RESOURCE),
    );
    const summary = await controlCall('GET', '/graph/summary');
    const b = summary.partners.find((p: any) => p.tenantId === partner);
    const first = await graph.listRelationshipsPage({ top: 7 });
    expect(first.items).toHaveLength(7);
    expect(first.nextLink).toBeDefined();
    const all = await graph.listAllRelationships();
    expect(all).toHaveLength(b.relationships);
    const active = await graph.listAllRelationships({ filter: { status: 'active' } });
    expect(active.every((r) => r.status === 'active')).toBe(true);
    expect(active).toHaveLength(b.relationshipsByStatus.active);
    const one = all[0]!;
    const mine = await graph.listAllRelationships({
      filter: { customerTenantId: one.customerTenantId },
    });
    expect(mine.every((r) => r.customerTenantId === one.customerTenantId)).toBe(true);
  }, 60_000);

  it('makes a first full pass: one row per customer, states as seeded, within the budget', async () => {
    const budget = new RateBudget({ ratePerSecond: 40 });
    await controlCall('DELETE', '/stats');
    const started = Date.now();
    const summary = await syncPartner(partner, deps({ budget }));
    const seconds = (Date.now() - started) / 1000;
    expect(summary.outcome).toBe('completed');
    expect(summary.customers).toBeGreaterThanOrEqual(120);
    const repo = getAccessRepository();
    const counts = await repo.counts(partner, new Date(), 30);
    expect(counts.total).toBe(summary.customers);
    expect(counts.canManage).toBeGreaterThan(0);
    expect(counts.notConsented).toBeGreaterThan(0);
    expect(counts.globalAdmin).toBeGreaterThan(0);
    // The emulator's observed rate of Graph and token requests never went above the budget.
    const calls = await upstreamCalls();
    expect(calls / seconds).toBeLessThanOrEqual(40);
    expect(budget.stats.taken).toBeGreaterThanOrEqual(calls - 2); // discovery and the partner token are not budgeted
    const state = await repo.readSyncState(partner);
    expect(state).toMatchObject({ status: 'idle', relationshipsEmpty: false });
    expect(state?.lastFullPassAt).toBeDefined();
  }, 120_000);

  it("joins the fleet's shared customer directory: one row per directory customer, the rest flagged", async () => {
    const { rows: directory } = await sql<{ customer_tenant_id: string; company_name: string }>`
      select customer_tenant_id, company_name from customer_directory
      where partner_tenant_id = ${partner}
        and generation = (select generation from customer_directory_sync where partner_tenant_id = ${partner})`.execute(
      t.db,
    );
    expect(directory.length).toBeGreaterThanOrEqual(120);
    const rows = (
      await getAccessRepository().queryRows(
        partner,
        { filter: 'all', q: '', sort: 'name', dir: 'asc', page: 1, size: 500 },
        new Date(),
        30,
      )
    ).rows;
    const inDirectory = rows.filter((r) => r.inDirectory);
    expect(inDirectory.map((r) => r.customerTenantId).sort()).toEqual(
      directory.map((d) => d.customer_tenant_id.toLowerCase()).sort(),
    );
    const names = new Map(
      directory.map((d) => [d.customer_tenant_id.toLowerCase(), d.company_name]),
    );
    expect(inDirectory.every((r) => r.name === names.get(r.customerTenantId))).toBe(true);
    // Every other row is a relationship whose customer the directory does not hold.
    for (const r of rows.filter((x) => !x.inDirectory)) {
      expect(names.has(r.customerTenantId)).toBe(false);
      expect(r.relationships.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it('reads the access assignments of active relationships: which groups hold which roles, reused while unchanged', async () => {
    const graph = createGraphClient(() =>
      getTokenBroker().getAccessToken(toTenantId(partner), getConfig().GRAPH_RESOURCE),
    );
    const now = new Date();
    const liveActive = (await graph.listAllRelationships({ filter: { status: 'active' } })).filter(
      (r) => !r.endDateTime || Date.parse(r.endDateTime) > now.getTime(),
    );
    const groups = new Set(partnerGroups(partner).map((g) => g.id));
    const repo = getAccessRepository();
    const rows = (
      await repo.queryRows(
        partner,
        { filter: 'all', q: '', sort: 'name', dir: 'asc', page: 1, size: 500 },
        now,
        30,
      )
    ).rows;
    const stored = rows.flatMap((r) => r.relationships).filter((r) => r.assignments);
    // Every live active relationship, and nothing else, had its assignments read and stored.
    expect(stored.map((r) => r.id).sort()).toEqual(liveActive.map((r) => r.id).sort());
    const assignments = stored.flatMap((r) => r.assignments!);
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.every((a) => a.groupId && groups.has(a.groupId))).toBe(true);
    expect(assignments.some((a) => a.roleNames.includes('Directory Readers'))).toBe(true);
    // The same answer straight from Graph, for one relationship.
    const sample = stored.find((r) => r.assignments!.length > 0)!;
    expect((await graph.listAccessAssignments(sample.id)).map((a) => a.groupId).sort()).toEqual(
      sample.assignments!.map((a) => a.groupId).sort(),
    );

    // Customers whose GDAP no group holds are flagged, not checked, and Entra agrees: no token.
    const unassigned = rows.filter((r) => r.lastError?.code === 'gdap_no_access_assignment');
    expect(unassigned.length).toBeGreaterThan(0); // the seed leaves 6 % of active ones unassigned
    for (const row of unassigned) {
      expect(row).toMatchObject({ access: 'gdap', consent: 'unknown' });
      await expect(
        getCustomerTokenBroker().getAccessToken(
          toTenantId(partner),
          row.customerTenantId,
          getConfig().GRAPH_RESOURCE,
        ),
      ).rejects.toMatchObject({ aadsts: 50020 });
    }
    const assigned = rows.filter(
      (r) => r.access === 'gdap' && r.lastError?.code !== 'gdap_no_access_assignment',
    );
    expect(assigned.length).toBeGreaterThan(unassigned.length);

    // A second pass reads no assignment again: no relationship changed.
    await controlCall('DELETE', '/stats');
    const again = await syncPartner(partner, deps());
    expect(again).toMatchObject({ assignmentsRead: 0, assignmentsReused: liveActive.length });
    const { counts } = (await controlCall('GET', '/stats')) as { counts: Record<string, number> };
    expect(Object.keys(counts).filter((k) => k.includes('accessAssignments'))).toEqual([]);

    // A relationship that changed is read again on the next pass (and only that one).
    await controlCall('PATCH', `/graph/relationships/${sample.id}`, {
      endDateTime: new Date(now.getTime() + 400 * 86_400_000).toISOString(),
    });
    const changed = await syncPartner(partner, deps());
    expect(changed).toMatchObject({ assignmentsRead: 1 });
  }, 90_000);

  it("keeps a customer-authority error on that customer's row only; the connection stays healthy", async () => {
    const repo = getAccessRepository();
    const granted = (
      await repo.queryRows(
        partner,
        { filter: 'can-manage', q: '', sort: 'name', dir: 'asc', page: 1, size: 25 },
        new Date(),
        30,
      )
    ).rows;
    const victim = granted[0]!.customerTenantId;
    await controlCall('PUT', `/entra/tenants/${victim}/delegated-token-block`, { code: '53003' });
    try {
      const row = await checkCustomerNow(partner, victim, deps());
      expect(row).toMatchObject({ consent: 'error', lastError: { code: 'AADSTS53003' } });
      const other = await checkCustomerNow(partner, granted[1]!.customerTenantId, deps());
      expect(other.consent).toBe('granted');
      const record = await getRefreshTokenStore().get(toTenantId(partner));
      expect(record?.tags.status).toBe('ok');
    } finally {
      await controlCall('PUT', `/entra/tenants/${victim}/delegated-token-block`, { code: null });
    }
  }, 60_000);

  it("grants the app's consent to a customer missing it (409 when repeated), and removes it", async () => {
    const repo = getAccessRepository();
    const missing = await repo.listNotConsented(partner);
    let target: TenantId | undefined;
    // Partner Center lets a partner user consent only through a consent-capable GDAP role.
    const CAN_CONSENT = [
      '62e90394-69f5-4237-9190-012177145e10',
      '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
      '158c047a-c907-4556-b7ef-446551a6b5f7',
    ];
    for (const c of missing) {
      const row = await repo.getRow(partner, c);
      const roles = row?.relationships
        .filter((r) => r.status === 'active')
        .flatMap((r) => r.roleIds);
      if (
        row?.consent === 'missing' &&
        !row.lastError &&
        roles?.some((id) => CAN_CONSENT.includes(id))
      ) {
        target = c;
        break;
      }
    }
    expect(target).toBeDefined();
    await expect(grantCustomerConsent(partner, target!)).resolves.toBe('created');
    await expect(grantCustomerConsent(partner, target!)).resolves.toBe('exists');
    expect((await checkCustomerNow(partner, target!, deps())).consent).toBe('granted');
    await expect(removeCustomerConsent(partner, target!)).resolves.toBe('deleted');
    expect((await checkCustomerNow(partner, target!, deps())).consent).toBe('missing');
  }, 60_000);

  it('resumes after a restart in the middle of a pass, checking each due customer once', async () => {
    const repo = getAccessRepository();
    // Eight days on (by the sync's own clock), every checked row is due again.
    const now = () => new Date(Date.now() + 8 * 86_400_000);
    // A run that takes no customer derives the rows as of then (some GDAP has ended by then).
    await syncPartner(partner, deps({ now, maxRunMs: 0 }));
    const due = await repo.countDue(partner, now());
    expect(due).toBeGreaterThan(20);
    const first = await syncPartner(
      partner,
      deps({ now, maxRunMs: 1500, budget: new RateBudget({ ratePerSecond: 10 }) }),
    );
    expect(first.outcome).toBe('partial');
    // "Restart": a new run, new budget and brokers' caches as they are; it picks up the rest.
    const second = await syncPartner(partner, deps({ now }));
    expect(second.outcome).toBe('completed');
    expect(first.checked + second.checked).toBe(due);
  }, 120_000);

  it('keeps one budget for the whole fleet: two runs at once stay within the rate together', async () => {
    const rate = 25;
    process.env.ACCESS_SYNC_REQUESTS_PER_SECOND = String(rate);
    resetConfigForTests();
    try {
      const repo = getAccessRepository();
      const gdap = (
        await repo.queryRows(
          partner,
          { filter: 'all', q: '', sort: 'name', dir: 'asc', page: 1, size: 200 },
          new Date(),
          30,
        )
      ).rows.filter((r) => r.access === 'gdap');
      for (const r of gdap) await repo.markDue(partner, r.customerTenantId);
      await controlCall('DELETE', '/stats');
      const started = Date.now();
      // Two "instances": each its own run and its own per-run spacing; only the window in
      // PostgreSQL (lib/access/fleet-budget.ts) is common to both.
      const [one, two] = await Promise.all([
        syncPartner(partner, liveSyncDeps(partner, { maxRunMs: undefined })),
        syncPartner(partner, liveSyncDeps(partner, { maxRunMs: undefined })),
      ]);
      const seconds = (Date.now() - started) / 1000;
      expect(one.checked + two.checked).toBeGreaterThanOrEqual(gdap.length / 2);
      const calls = await upstreamCalls();
      // Per-run budgets alone would allow twice the rate; the shared window holds both runs to it
      // (a few calls of slack: the partner token and discovery are not budgeted).
      expect(calls).toBeGreaterThan(rate * 4);
      expect((calls - 3) / seconds).toBeLessThanOrEqual(rate * 1.05);
    } finally {
      delete process.env.ACCESS_SYNC_REQUESTS_PER_SECOND;
      resetConfigForTests();
    }
  }, 180_000);

  it('slows down on 429 and still finishes', async () => {
    const limits = await controlCall('GET', '/graph/throttle');
    await controlCall('PUT', '/graph/throttle', { identityAppUnitsPer20s: 10 });
    try {
      const repo = getAccessRepository();
      const ids = (
        await repo.queryRows(
          partner,
          { filter: 'can-manage', q: '', sort: 'name', dir: 'asc', page: 1, size: 25 },
          new Date(),
          30,
        )
      ).rows.slice(0, 6);
      const budget = new RateBudget({ ratePerSecond: 50, recoverAfterMs: 60_000 });
      for (const r of ids) await repo.markDue(partner, r.customerTenantId);
      const summary = await syncPartner(partner, deps({ budget }));
      expect(summary.outcome).toBe('completed');
      expect(budget.stats.throttles).toBeGreaterThan(0);
      expect(budget.currentRatePerSecond).toBeLessThan(50);
    } finally {
      await controlCall('PUT', '/graph/throttle', limits);
    }
  }, 120_000);

  it('says "unknown" with the Admin Agents advice when the connected account is outside Admin Agents', async () => {
    const admin = seededUser(seededTenants(cloud.manifest).partnerB, 'admin');
    const before = await controlCall('GET', `/entra/users/${encodeURIComponent(admin.upn)}`).catch(
      () => undefined,
    );
    await controlCall('PUT', `/entra/users/${encodeURIComponent(admin.upn)}/groups`, {
      groups: [],
    });
    try {
      await getTokenBroker().forget(toTenantId(partner));
      const summary = await syncPartner(partner, deps());
      expect(summary.relationships).toBe(0);
      const repo = getAccessRepository();
      const counts = await repo.counts(partner, new Date(), 30);
      const unknown = await repo.queryRows(
        partner,
        { filter: 'unknown', q: '', sort: 'name', dir: 'asc', page: 1, size: 25 },
        new Date(),
        30,
      );
      expect(unknown.total).toBe(counts.total);
      expect((await repo.readSyncState(partner))?.error?.code).toBe('gdap_list_empty');
    } finally {
      if (before?.groups)
        await controlCall('PUT', `/entra/users/${encodeURIComponent(admin.upn)}/groups`, {
          groups: before.groups,
        });
    }
  }, 60_000);
});
