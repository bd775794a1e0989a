import type { AccessRow, AccessSyncState } from '@/lib/access/access-row';
import type {
  AccessRepository,
  DerivedRowInput,
  SyncStatePatch,
} from '@/lib/access/access-repository';
import { syncPartner, type SyncDeps } from '@/lib/access/sync-partner';
import { DEFAULT_CADENCE } from '@/lib/access/sync-plan';
import { EntraError } from '@/lib/entra/entra-error';
import { GraphError } from '@/lib/graph/graph-error';
import type { GdapRelationship, GraphClient } from '@/lib/graph';

const PARTNER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const APP = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const REQUIRED = ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'];
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * A repository in memory with the same semantics as the SQL one (stalest first, consent kept
 * while GDAP stays, due again when it is gained). The SQL one is tested against PostgreSQL in
 * tests/integration/access-repository.test.ts.
 */
function memoryRepo() {
  const rows = new Map<string, AccessRow & { next: number | null }>();
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
    async getRow(_p, c) {
      return rows.get(c) ?? null;
    },
    async queryRows() {
      throw new Error('not used');
    },
    async counts() {
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

const rel = (customer: string, over: Partial<GdapRelationship> = {}): GdapRelationship => ({
  id: `rel-${customer}`,
  customerTenantId: customer,
  customerName: `Name ${customer}`,
  status: 'active',
  roleIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
  endDateTime: '2030-01-01T00:00:00Z',
  reseller: false,
  ...over,
});

type CustomerBehaviour =
  'granted' | 'partial' | 'no-sp' | 'not-consented' | 'no-gdap-path' | 'forbidden' | 'dead';

function setup(opts: {
  directory: number;
  relationships: GdapRelationship[] | Error;
  behaviour?: (customer: string) => CustomerBehaviour;
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
      relationships: Object.keys(kinds).map((c) => rel(c)),
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
    expect(calls.length).toBeLessThanOrEqual(3); // the workers in flight, then nothing more
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
