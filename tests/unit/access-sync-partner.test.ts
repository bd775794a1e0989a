import type { AccessRow, AccessSyncState } from '@/lib/access/access-row';
import type {
  AccessRepository,
  DerivedRowInput,
  SyncStatePatch,
} from '@/lib/access/access-repository';
import { storedAssignmentsOf } from '@/lib/access/read-assignments';
import { syncPartner, type SyncDeps } from '@/lib/access/sync-partner';
import { DEFAULT_CADENCE } from '@/lib/access/sync-plan';
import { EntraError } from '@/lib/entra/entra-error';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { GraphError } from '@/lib/graph/graph-error';
import type { GdapAccessAssignment, GdapRelationship, GraphClient } from '@/lib/graph';

const PARTNER = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const APP = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const REQUIRED = ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'];
const id = (i: number) => toTenantId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/**
 * A repository in memory with the same semantics as the SQL one (stalest first, consent kept
 * while GDAP stays, due again when it is gained). The SQL one is tested against PostgreSQL in
 * tests/integration/access-repository.test.ts.
 */
function memoryRepo() {
  const rows = new Map<TenantId, AccessRow & { next: number | null }>();
  let state: AccessSyncState | null = null;
  const repo: AccessRepository = {
    async replaceDerived(_p, derived: readonly DerivedRowInput[]) {
      const keep = new Set(derived.map((d) => d.customerTenantId));
      for (const k of [...rows.keys()]) if (!keep.has(k)) rows.delete(k);
      for (const d of derived) {
        const old = rows.get(d.customerTenantId);
        const gdap = d.access === 'gdap';
        rows.set(d.customerTenantId, {
          customerTenantId: d.customerTenantId,
          name: d.name,
          inDirectory: d.inDirectory,
          access: d.access,
          relationships: d.relationships,
          endDate: d.endDate,
          autoExtend: d.autoExtend,
          globalAdmin: d.globalAdmin,
          consent: gdap && old ? old.consent : 'unknown',
          missingScopes: gdap && old ? old.missingScopes : [],
          lastError: gdap ? old?.lastError : undefined,
          next: gdap && old && old.access === 'gdap' ? old.next : null,
        });
      }
    },
    async upsertDerived() {
      throw new Error('not used');
    },
    async nextDue(_p, now, limit) {
      return [...rows.values()]
        .filter((r) => r.access === 'gdap' && (r.next === null || r.next <= now.getTime()))
        .sort(
          (a, b) =>
            (a.next ?? -1) - (b.next ?? -1) || a.customerTenantId.localeCompare(b.customerTenantId),
        )
        .slice(0, limit)
        .map((r) => r.customerTenantId);
    },
    async countDue(p, now) {
      return (await repo.nextDue(p, now, 1e9)).length;
    },
    async recordCheck(_p, c, r) {
      const row = rows.get(c)!;
      Object.assign(row, {
        consent: r.consent,
        missingScopes: r.missingScopes,
        lastError: r.error ? { ...r.error, at: r.checkedAt.toISOString() } : undefined,
        checkedAt: r.checkedAt.toISOString(),
        next: r.nextCheckAt?.getTime() ?? null,
      });
    },
    async markDue(_p, c) {
      rows.get(c)!.next = null;
    },
    async storedAssignments() {
      return storedAssignmentsOf([...rows.values()].flatMap((r) => r.relationships));
    },
    async markAssignmentGaps(_p, unassigned, advice, checkedAt, nextCheck) {
      for (const r of rows.values()) {
        if (unassigned.includes(r.customerTenantId))
          Object.assign(r, {
            consent: 'unknown',
            missingScopes: [],
            lastError: { ...advice, at: checkedAt.toISOString() },
            checkedAt: checkedAt.toISOString(),
            next: nextCheck?.getTime() ?? null,
          });
        else if (r.lastError?.code === advice.code) r.next = null;
      }
    },
    async getRow(_p, c) {
      return rows.get(c) ?? null;
    },
    async queryRows() {
      throw new Error('not used');
    },
    async counts() {
      throw new Error('not used');
    },
    async readPage() {
      throw new Error('not used');
    },
    async listNotConsented() {
      return [];
    },
    async digestItems() {
      return [];
    },
    async digestMarks() {
      return {};
    },
    async readSyncState() {
      return state;
    },
    async writeSyncState(_p, patch: SyncStatePatch) {
      state = {
        status: patch.status ?? state?.status ?? 'idle',
        relationshipCount: patch.relationshipCount ?? state?.relationshipCount ?? 0,
        relationshipsEmpty: patch.relationshipsEmpty ?? state?.relationshipsEmpty ?? false,
        checkedInRun: patch.checkedInRun ?? state?.checkedInRun ?? 0,
        dueAtStart: patch.dueAtStart ?? state?.dueAtStart ?? 0,
        grant: { status: 'idle', total: 0, done: 0, failed: 0 },
        lastFullPassAt:
          patch.lastFullPassAt !== undefined
            ? patch.lastFullPassAt?.toISOString()
            : state?.lastFullPassAt,
        error:
          patch.error !== undefined
            ? patch.error
              ? { code: patch.error.code, title: patch.error.title, fix: patch.error.fix }
              : undefined
            : state?.error,
      };
    },
  };
  return { repo, rows, state: () => state };
}

const rel = (customer: TenantId, over: Partial<GdapRelationship> = {}): GdapRelationship => ({
  id: `rel-${customer}`,
  customerTenantId: customer,
  customerName: `Name ${customer}`,
  status: 'active',
  roleIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
  endDateTime: '2030-01-01T00:00:00Z',
  lastModifiedDateTime: '2026-01-01T00:00:00Z',
  reseller: false,
  ...over,
});

type CustomerBehaviour =
  'granted' | 'partial' | 'no-sp' | 'not-consented' | 'no-gdap-path' | 'forbidden' | 'dead';

function setup(opts: {
  directory: number;
  relationships: GdapRelationship[] | Error;
  behaviour?: (customer: string) => CustomerBehaviour;
  /** A relationship's access assignments; by default one active group holding its roles. */
  assignments?: (relationship: GdapRelationship) => GdapAccessAssignment[] | Error;
  maxRunMs?: number;
}) {
  let clock = Date.parse('2026-11-30T00:00:00Z');
  const memory = memoryRepo();
  const calls: string[] = [];
  const budget = { take: jest.fn(async () => undefined), throttled: jest.fn() };
  const behaviour = opts.behaviour ?? (() => 'granted' as const);
  const graphFor = (customer: string): GraphClient =>
    ({
      async findServicePrincipal(appId: string) {
        calls.push(`sp:${customer}`);
        const b = behaviour(customer);
        if (b === 'forbidden')
          throw new GraphError('graph_forbidden', {
            upstreamStatus: 403,
            graphCode: 'Authorization_RequestDenied',
            clientRequestId: '',
          });
        return b === 'no-sp' ? null : { id: id(9999), appId };
      },
      async listPermissionGrants() {
        calls.push(`grants:${customer}`);
        const scopes = behaviour(customer) === 'partial' ? ['Application.Read.All'] : REQUIRED;
        return [
          { id: 'g', clientId: id(9999), consentType: 'AllPrincipals', resourceId: 'r', scopes },
        ];
      },
    }) as unknown as GraphClient;
  const deps: SyncDeps = {
    repo: memory.repo,
    listDirectory: async () =>
      Array.from({ length: opts.directory }, (_, i) => ({
        tenantId: id(i + 1),
        name: `Customer ${i + 1}`,
      })),
    partnerGraph: () =>
      ({
        async listAllRelationships() {
          if (opts.relationships instanceof Error) throw opts.relationships;
          return opts.relationships;
        },
        async listAccessAssignments(relationshipId: string) {
          calls.push(`assignments:${relationshipId}`);
          const r = (opts.relationships as GdapRelationship[]).find(
            (x) => x.id === relationshipId,
          )!;
          const a = opts.assignments
            ? opts.assignments(r)
            : [{ id: `as-${r.id}`, status: 'active', groupId: id(7000), roleIds: r.roleIds }];
          if (a instanceof Error) throw a;
          return a;
        },
      }) as unknown as GraphClient,
    customerGraph: (_p, c) => graphFor(c),
    customerToken: async (_p, c) => {
      calls.push(`token:${c}`);
      clock += 10;
      const b = behaviour(c);
      if (b === 'not-consented') throw new EntraError({ aadsts: 65001, error: 'invalid_grant' });
      if (b === 'no-gdap-path') throw new EntraError({ aadsts: 50020, error: 'invalid_grant' });
      if (b === 'dead') throw new EntraError({ aadsts: 700082, error: 'invalid_grant' });
      return 'token';
    },
    appId: APP,
    requiredScopes: REQUIRED,
    cadence: DEFAULT_CADENCE,
    expiryDays: 30,
    budget,
    now: () => new Date(clock),
    concurrency: 3,
    maxRunMs: opts.maxRunMs,
  };
  return { deps, memory, calls, budget, advance: (ms: number) => (clock += ms) };
}

describe('the access sync for one partner', () => {
  it('writes one row per directory customer plus flagged relationship-only customers, and checks GDAP rows', async () => {
    const { deps, memory, calls } = setup({
      directory: 3,
      relationships: [
        rel(id(1)),
        rel(id(2), { status: 'approvalPending', endDateTime: undefined }),
        rel(id(50)),
      ],
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(summary).toMatchObject({
      outcome: 'completed',
      relationships: 3,
      customers: 4,
      checked: 2,
      remaining: 0,
    });
    const r = (i: number) => memory.rows.get(id(i))!;
    expect(r(1)).toMatchObject({ access: 'gdap', consent: 'granted', inDirectory: true });
    expect(r(2)).toMatchObject({ access: 'pending', consent: 'unknown' });
    expect(r(3)).toMatchObject({ access: 'none', consent: 'unknown' });
    expect(r(50)).toMatchObject({ access: 'gdap', inDirectory: false, name: `Name ${id(50)}` });
    expect(calls.filter((c) => c.startsWith('token:')).sort()).toEqual([
      `token:${id(1)}`,
      `token:${id(50)}`,
    ]);
    expect(memory.state()).toMatchObject({ status: 'idle', relationshipCount: 3 });
    expect(memory.state()!.lastFullPassAt).toBeDefined();
  });

  it('classifies each customer on its own row: granted, partial, missing, error', async () => {
    const kinds: Record<string, CustomerBehaviour> = {
      [id(1)]: 'granted',
      [id(2)]: 'partial',
      [id(3)]: 'no-sp',
      [id(4)]: 'not-consented',
      [id(5)]: 'no-gdap-path',
      [id(6)]: 'forbidden',
    };
    const { deps, memory } = setup({
      directory: 6,
      relationships: Object.keys(kinds).map((c) => rel(toTenantId(c))),
      behaviour: (c) => kinds[c]!,
    });
    await syncPartner(PARTNER, deps);
    const r = (i: number) => memory.rows.get(id(i))!;
    expect(r(1).consent).toBe('granted');
    expect(r(2)).toMatchObject({
      consent: 'partial',
      missingScopes: ['DelegatedPermissionGrant.Read.All'],
    });
    expect(r(3).consent).toBe('missing');
    expect(r(4)).toMatchObject({ consent: 'missing', lastError: undefined });
    expect(r(5)).toMatchObject({ consent: 'error', lastError: { code: 'AADSTS50020' } });
    expect(r(6)).toMatchObject({
      consent: 'error',
      lastError: { code: 'Authorization_RequestDenied' },
    });
    // The partner itself is fine: one customer's failure stays on its row.
    expect(memory.state()).toMatchObject({ status: 'idle', error: undefined });
  });

  it('says "reconnect to grant the new permission" once when Graph consent is missing for the partner', async () => {
    const { deps, memory } = setup({
      directory: 2,
      relationships: new EntraError({ aadsts: 65001, error: 'invalid_grant' }),
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(summary.outcome).toBe('stopped');
    expect(memory.state()).toMatchObject({
      status: 'failed',
      error: { code: 'AADSTS65001', title: 'Reconnect to grant the new permission' },
    });
    expect(memory.rows.size).toBe(0);
  });

  it('marks every row unknown, with the Admin Agents advice, when the relationship list is empty', async () => {
    const { deps, memory, calls } = setup({ directory: 3, relationships: [] });
    await syncPartner(PARTNER, deps);
    expect([...memory.rows.values()].map((r) => r.access)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(memory.state()!.error?.code).toBe('gdap_list_empty');
    expect(calls).toHaveLength(0);
  });

  it('stops the sweep with one partner error when the refresh token is dead', async () => {
    const { deps, memory, calls } = setup({
      directory: 10,
      relationships: Array.from({ length: 10 }, (_, i) => rel(id(i + 1))),
      behaviour: () => 'dead',
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(summary.outcome).toBe('stopped');
    expect(memory.state()).toMatchObject({ status: 'failed', error: { code: 'AADSTS700082' } });
    // The workers in flight, then nothing more (the assignments were read before the checks).
    expect(calls.filter((c) => !c.startsWith('assignments:')).length).toBeLessThanOrEqual(3);
    expect([...memory.rows.values()].every((r) => r.lastError === undefined)).toBe(true);
  });

  it('resumes after a stop: the next run checks only what the first did not, stalest first', async () => {
    const rels = Array.from({ length: 30 }, (_, i) => rel(id(i + 1)));
    const first = setup({ directory: 30, relationships: rels, maxRunMs: 50 });
    const partial = await syncPartner(PARTNER, first.deps);
    expect(partial.outcome).toBe('partial');
    expect(partial.checked).toBeGreaterThan(0);
    expect(partial.checked).toBeLessThan(30);
    const checkedFirst = first.calls.filter((c) => c.startsWith('token:'));
    // "Restart": same database, a new run without the time cap.
    first.deps.maxRunMs = undefined;
    first.calls.length = 0;
    const rest = await syncPartner(PARTNER, first.deps);
    expect(rest.outcome).toBe('completed');
    const checkedSecond = first.calls.filter((c) => c.startsWith('token:'));
    expect(checkedFirst.length + checkedSecond.length).toBe(30);
    expect(new Set([...checkedFirst, ...checkedSecond]).size).toBe(30);
  });

  it('re-checks nothing within the cadence, failed rows after a day, healthy rows after a week', async () => {
    const kinds = (c: string): CustomerBehaviour => (c === id(1) ? 'no-gdap-path' : 'granted');
    const s = setup({ directory: 2, relationships: [rel(id(1)), rel(id(2))], behaviour: kinds });
    await syncPartner(PARTNER, s.deps);
    s.calls.length = 0;
    await syncPartner(PARTNER, s.deps);
    expect(s.calls).toHaveLength(0);
    s.advance(25 * 3_600_000);
    await syncPartner(PARTNER, s.deps);
    expect(s.calls.filter((c) => c.startsWith('token:'))).toEqual([`token:${id(1)}`]);
    s.calls.length = 0;
    s.advance(7 * 24 * 3_600_000);
    await syncPartner(PARTNER, s.deps);
    expect(s.calls.filter((c) => c.startsWith('token:')).sort()).toEqual([
      `token:${id(1)}`,
      `token:${id(2)}`,
    ]);
  });

  it('takes the budget before every customer token request', async () => {
    const { deps, budget } = setup({
      directory: 5,
      relationships: Array.from({ length: 5 }, (_, i) => rel(id(i + 1))),
    });
    await syncPartner(PARTNER, deps);
    expect(budget.take).toHaveBeenCalledTimes(5);
  });
});

describe('access assignments in the sync', () => {
  const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
  const READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';

  it('reads them for active relationships only and keeps which group holds which roles', async () => {
    const { deps, memory, calls } = setup({
      directory: 2,
      relationships: [
        rel(id(1), { roleIds: [READERS, HELPDESK] }),
        rel(id(2), { status: 'terminated' }),
      ],
      assignments: (r) => [
        { id: 'a1', status: 'active', groupId: id(7001), roleIds: [READERS] },
        { id: 'a2', status: 'pending', groupId: id(7002), roleIds: [HELPDESK] },
        ...(r.status === 'active' ? [] : [{ id: 'x', status: 'active', roleIds: [READERS] }]),
      ],
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(calls.filter((c) => c.startsWith('assignments:'))).toEqual([`assignments:rel-${id(1)}`]);
    expect(summary).toMatchObject({ assignmentsRead: 1, assignmentsReused: 0, unassigned: 0 });
    const [relationship] = memory.rows.get(id(1))!.relationships;
    expect(relationship!.assignments).toEqual([
      {
        id: 'a1',
        status: 'active',
        groupId: id(7001),
        roleIds: [READERS],
        roleNames: ['Directory Readers'],
      },
      {
        id: 'a2',
        status: 'pending',
        groupId: id(7002),
        roleIds: [HELPDESK],
        roleNames: ['Helpdesk Administrator'],
      },
    ]);
    expect(memory.rows.get(id(2))!.relationships[0]!.assignments).toBeUndefined();
  });

  it('spends no consent check on GDAP no group holds, and says why on the row', async () => {
    const { deps, memory, calls } = setup({
      directory: 2,
      relationships: [rel(id(1)), rel(id(2))],
      assignments: (r) =>
        r.customerTenantId === id(1)
          ? [{ id: 'a', status: 'error', groupId: id(7001), roleIds: [READERS] }]
          : [{ id: 'b', status: 'active', groupId: id(7001), roleIds: [READERS] }],
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(summary).toMatchObject({ unassigned: 1, outcome: 'completed' });
    expect(calls.filter((c) => c.startsWith('token:'))).toEqual([`token:${id(2)}`]);
    expect(memory.rows.get(id(1))).toMatchObject({
      access: 'gdap',
      consent: 'unknown',
      lastError: { code: 'gdap_no_access_assignment' },
    });
    expect(memory.rows.get(id(2))).toMatchObject({ consent: 'granted', lastError: undefined });
  });

  it('re-reads them only when the relationship changed, and checks a customer at once when a group holds its roles again', async () => {
    let assigned = false;
    const rels = [rel(id(1)), rel(id(2))];
    const s = setup({
      directory: 2,
      relationships: rels,
      assignments: (r) =>
        r.customerTenantId === id(1) && !assigned
          ? []
          : [{ id: 'a', status: 'active', groupId: id(7001), roleIds: r.roleIds }],
    });
    await syncPartner(PARTNER, s.deps);
    s.calls.length = 0;
    const unchanged = await syncPartner(PARTNER, s.deps);
    expect(unchanged).toMatchObject({ assignmentsRead: 0, assignmentsReused: 2, checked: 0 });
    expect(s.calls).toEqual([]);

    assigned = true;
    rels[0] = rel(id(1), { lastModifiedDateTime: '2026-11-30T01:00:00Z' });
    const changed = await syncPartner(PARTNER, s.deps);
    expect(changed).toMatchObject({ assignmentsRead: 1, assignmentsReused: 1, unassigned: 0 });
    expect(s.calls).toEqual([
      `assignments:rel-${id(1)}`,
      `token:${id(1)}`,
      `sp:${id(1)}`,
      `grants:${id(1)}`,
    ]);
    expect(s.memory.rows.get(id(1))).toMatchObject({ consent: 'granted', lastError: undefined });
  });

  it('treats assignments it could not read as unknown, never as "no group", and still checks the customer', async () => {
    const { deps, memory, calls } = setup({
      directory: 1,
      relationships: [rel(id(1))],
      assignments: () =>
        new GraphError('graph_not_found', { upstreamStatus: 404, clientRequestId: '' }),
    });
    const summary = await syncPartner(PARTNER, deps);
    expect(summary).toMatchObject({ outcome: 'completed', unassigned: 0 });
    expect(calls).toContain(`token:${id(1)}`);
    expect(memory.rows.get(id(1))!.relationships[0]!.assignments).toBeUndefined();
  });

  it('spends at most half of a capped run on a large first read, and the next run reads the rest', async () => {
    let tick: () => void = () => undefined;
    const s = setup({
      directory: 4,
      relationships: [rel(id(1)), rel(id(2)), rel(id(3)), rel(id(4))],
      assignments: (r) => {
        tick(); // each assignments call takes 30 ms of the run's clock
        return [{ id: `a-${r.id}`, status: 'active', groupId: id(7000), roleIds: r.roleIds }];
      },
      maxRunMs: 100,
    });
    tick = () => s.advance(30);
    s.deps.concurrency = 1;
    const first = await syncPartner(PARTNER, s.deps);
    // Half of 100 ms: reads at 0 and 30 ms, none started at 60 ms.
    expect(first).toMatchObject({ outcome: 'partial', assignmentsRead: 2, assignmentsDeferred: 2 });
    expect(first.unassigned).toBe(0); // unread is never "no group holds it"
    s.deps.maxRunMs = undefined;
    s.calls.length = 0;
    const second = await syncPartner(PARTNER, s.deps);
    expect(second).toMatchObject({
      outcome: 'completed',
      assignmentsRead: 2,
      assignmentsReused: 2,
      assignmentsDeferred: 0,
    });
    expect(s.calls.filter((c) => c.startsWith('assignments:'))).toEqual([
      `assignments:rel-${id(3)}`,
      `assignments:rel-${id(4)}`,
    ]);
  });

  it('stops with one partner error when reading assignments meets a dead grant', async () => {
    const { deps, memory } = setup({
      directory: 1,
      relationships: [rel(id(1))],
      assignments: () => new EntraError({ aadsts: 700082, error: 'invalid_grant' }),
    });
    expect((await syncPartner(PARTNER, deps)).outcome).toBe('stopped');
    expect(memory.state()).toMatchObject({ status: 'failed', error: { code: 'AADSTS700082' } });
  });
});
