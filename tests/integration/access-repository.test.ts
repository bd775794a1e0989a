/**
 * The access repository against PostgreSQL: what the sync writes and the view reads, and tenant
 * isolation by mechanism. Every exported query is run as partner A over a database holding both
 * A's and B's rows, and must never return, count, change or delete a row of B; writes naming B's
 * rows while scoped to A are refused by row-level security, and a query that is not scoped at
 * all sees nothing.
 */
import { sql } from 'kysely';
import { parseAccessQuery } from '@/lib/access/access-query';
import { createAccessRepository, type DerivedRowInput } from '@/lib/access/repository';
import type { RelationshipSummary } from '@/lib/access/types';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const NOW = new Date('2026-11-30T00:00:00Z');
const READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const GROUP = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const GAP = { code: 'gdap_no_access_assignment', title: 't', fix: 'f' };
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const cust = (prefix: 'a' | 'b', i: number) =>
  toTenantId(`${prefix.repeat(8)}-0000-4000-8000-${String(i).padStart(12, '0')}`);

function derived(id: TenantId, over: Partial<DerivedRowInput> = {}): DerivedRowInput {
  return {
    customerTenantId: id,
    name: `Customer ${id.slice(-4)}`,
    domain: `c${id.slice(-4)}.onmicrosoft.com`,
    inDirectory: true,
    access: 'gdap',
    relationships: [],
    endDate: day(200),
    autoExtend: false,
    globalAdmin: false,
    ...over,
  };
}

/** An active relationship whose access assignment (one group, Directory Readers) was read. */
function assigned(id: string): RelationshipSummary {
  return {
    id,
    status: 'active',
    roleIds: [READERS],
    roleNames: ['Directory Readers'],
    autoExtend: false,
    includesGlobalAdmin: false,
    mlt: false,
    lastModifiedDateTime: '2026-11-01T00:00:00Z',
    assignments: [
      { id: `as-${id}`, status: 'active', groupId: GROUP, roleIds: [READERS], roleNames: ['x'] },
    ],
  };
}

let t: TestDatabase;
let repo: ReturnType<typeof createAccessRepository>;
/** The sync's writes, as a pass two days ago saw them unless said otherwise (30-day window). */
const SEEN = new Date(NOW.getTime() - 2 * 86_400_000);
const replace = (p: TenantId, rows: DerivedRowInput[], at = SEEN) =>
  repo.replaceDerived(p, rows, at, 30);
const upsert = (p: TenantId, rows: DerivedRowInput[], at = SEEN) =>
  repo.upsertDerived(p, rows, at, 30);

beforeAll(async () => {
  t = await createTestDatabase();
  repo = createAccessRepository(t.db);
});
afterAll(() => t.drop());

beforeEach(async () => {
  // Both partners hold the same kinds of rows; B's names all contain "Secret-B".
  await replace(A, [
    derived(cust('a', 1), { name: 'Alpha Granted', relationships: [assigned('rel-a')] }),
    derived(cust('a', 2), { name: 'Alpha Expiring', endDate: day(10) }),
    derived(cust('a', 3), { name: 'Alpha None', access: 'none', endDate: undefined }),
    derived(cust('a', 4), { name: 'Alpha GA', globalAdmin: true }),
    derived(cust('a', 5), { name: 'Alpha Orphan', inDirectory: false }),
  ]);
  await replace(B, [
    derived(cust('b', 1), { name: 'Secret-B One', relationships: [assigned('rel-b')] }),
    derived(cust('b', 2), { name: 'Secret-B Expiring', endDate: day(5), globalAdmin: true }),
    derived(cust('b', 3), { name: 'Secret-B None', access: 'none' }),
  ]);
  await repo.recordCheck(A, cust('a', 1), {
    consent: 'granted',
    missingScopes: [],
    checkedAt: NOW,
    nextCheckAt: new Date(NOW.getTime() + 7 * 86_400_000),
  });
  await repo.recordCheck(B, cust('b', 1), {
    consent: 'error',
    missingScopes: [],
    error: { code: 'AADSTS50020', title: 't', fix: 'f' },
    checkedAt: NOW,
    nextCheckAt: new Date(NOW.getTime() + 86_400_000),
  });
  await repo.writeSyncState(A, { status: 'idle', relationshipCount: 5 });
  await repo.writeSyncState(B, {
    status: 'failed',
    relationshipCount: 3,
    error: { code: 'X', title: 'B', fix: 'B', at: NOW },
  });
});

describe('the access repository', () => {
  it('counts overlapping filters for one partner', async () => {
    expect(await repo.counts(A, NOW, 30)).toEqual({
      total: 5,
      canManage: 1,
      expiring: 1,
      expiredOrNone: 1,
      notConsented: 0,
      globalAdmin: 1,
      error: 0,
    });
  });

  it('reads the page in one go: the same rows, totals, counts and sync state as the single queries', async () => {
    for (const text of [
      '',
      'filter=expiring',
      'filter=not-in-directory',
      'q=alpha&size=25&page=1',
      'filter=pending',
      'sort=end-date&dir=desc',
    ]) {
      const query = parseAccessQuery(new URLSearchParams(text));
      const page = await repo.readPage(A, query, NOW, 30);
      expect(page.rows).toEqual((await repo.queryRows(A, query, NOW, 30)).rows);
      expect(page.total).toBe((await repo.queryRows(A, query, NOW, 30)).total);
      expect(page.counts).toEqual(await repo.counts(A, NOW, 30));
      expect(page.sync).toEqual(await repo.readSyncState(A));
    }
    // Counts and sync state read moments ago are used as given (not read), rows are read fresh.
    const fresh = await repo.readPage(A, parseAccessQuery(new URLSearchParams('')), NOW, 30);
    const held = { byFilter: { ...fresh.byFilter, all: 99 }, sync: null };
    const page = await repo.readPage(A, parseAccessQuery(new URLSearchParams('')), NOW, 30, held);
    expect([page.total, page.counts.total, page.rows.length, page.sync]).toEqual([99, 99, 5, null]);
  });

  it('filters, searches (LIKE wildcards are literal), sorts by end date and pages', async () => {
    const q = (s: string) => parseAccessQuery(new URLSearchParams(s));
    const names = async (s: string) =>
      (await repo.queryRows(A, q(s), NOW, 30)).rows.map((r) => r.name);
    expect(await names('filter=expiring')).toEqual(['Alpha Expiring']);
    expect(await names('filter=not-in-directory')).toEqual(['Alpha Orphan']);
    expect(await names('q=granted')).toEqual(['Alpha Granted']);
    expect(await names('q=%25')).toEqual([]);
    expect((await names('sort=end-date')).at(0)).toBe('Alpha Expiring');
    expect((await names('sort=end-date')).at(-1)).toBe('Alpha None'); // no end date: last
    const page2 = await repo.queryRows(A, q('size=25&page=2'), NOW, 30);
    expect(page2).toEqual({ rows: [], total: 5 });
  });

  it('keeps consent while GDAP stays, drops it when GDAP ends, and makes a customer due when it gains GDAP', async () => {
    await replace(A, [
      derived(cust('a', 1), { name: 'Alpha Granted', relationships: [assigned('rel-a')] }),
      derived(cust('a', 3), { name: 'Alpha None' }), // gained GDAP
    ]);
    expect((await repo.getRow(A, cust('a', 1)))?.consent).toBe('granted');
    expect(await repo.nextDue(A, NOW, 10)).toEqual([cust('a', 3)]);
    await replace(A, [derived(cust('a', 1), { access: 'none' })]);
    expect(await repo.getRow(A, cust('a', 1))).toMatchObject({
      consent: 'unknown',
      access: 'none',
    });
    expect(await repo.getRow(A, cust('a', 3))).toBeNull(); // gone from both lists: removed
  });
});

describe('access assignments in the rows', () => {
  it('hands the stored assignments back by relationship for the next pass to reuse', async () => {
    const stored = await repo.storedAssignments(A);
    expect(stored.get('rel-a')).toEqual({
      lastModifiedDateTime: '2026-11-01T00:00:00Z',
      assignments: [{ id: 'as-rel-a', status: 'active', groupId: GROUP, roleIds: [READERS] }],
    });
  });

  it('marks GDAP no group holds with its advice, and makes it due once a group holds it again', async () => {
    const later = new Date(NOW.getTime() + 86_400_000);
    await repo.markAssignmentGaps(A, [cust('a', 2)], GAP, NOW, later);
    expect(await repo.getRow(A, cust('a', 2))).toMatchObject({
      consent: 'unknown',
      lastError: { code: GAP.code },
      nextCheckAt: later.toISOString(),
    });
    expect(await repo.nextDue(A, NOW, 10)).not.toContain(cust('a', 2));
    await repo.markAssignmentGaps(A, [], GAP, NOW, later);
    expect(await repo.nextDue(A, NOW, 10)).toContain(cust('a', 2));
  });
});

describe('tenant isolation (row-level security)', () => {
  it("no read as A ever returns one of B's rows", async () => {
    const all = await repo.queryRows(A, parseAccessQuery(new URLSearchParams('size=200')), NOW, 30);
    expect(all.rows.map((r) => r.customerTenantId).every((id) => id.startsWith('aaaaaaaa'))).toBe(
      true,
    );
    expect(all.total).toBe(5);
    expect(
      (await repo.queryRows(A, parseAccessQuery(new URLSearchParams('q=Secret-B')), NOW, 30)).total,
    ).toBe(0);
    expect(await repo.getRow(A, cust('b', 1))).toBeNull();
    expect((await repo.nextDue(A, NOW, 100)).some((id) => id.startsWith('bbbbbbbb'))).toBe(false);
    expect(await repo.countDue(A, NOW)).toBe(3);
    expect(await repo.listNotConsented(A)).toEqual([]);
    expect((await repo.readSyncState(A))?.error).toBeUndefined();
    expect((await repo.counts(A, NOW, 30)).total).toBe(5);
    expect([...(await repo.storedAssignments(A)).keys()]).toEqual(['rel-a']);
    const page = await repo.readPage(A, parseAccessQuery(new URLSearchParams('size=200')), NOW, 30);
    expect(page.rows.every((r) => r.customerTenantId.startsWith('aaaaaaaa'))).toBe(true);
    expect([page.total, page.counts.total, page.sync?.relationshipCount]).toEqual([5, 5, 5]);
    const search = parseAccessQuery(new URLSearchParams('q=Secret-B'));
    expect((await repo.readPage(A, search, NOW, 30)).total).toBe(0);
  });

  it('no write as A touches B: update, mark due, record, replace (delete)', async () => {
    await repo.recordCheck(A, cust('b', 1), {
      consent: 'granted',
      missingScopes: [],
      checkedAt: NOW,
      nextCheckAt: null,
    });
    await repo.markDue(A, cust('b', 1));
    await repo.markAssignmentGaps(B, [cust('b', 2)], GAP, NOW, new Date(NOW.getTime() + 1e9));
    await repo.markAssignmentGaps(A, [cust('b', 1)], GAP, NOW, null); // names B's row: ignored
    await repo.markAssignmentGaps(A, [], GAP, NOW, null); // would make A's gap rows due, not B's
    await replace(A, [derived(cust('a', 1))]); // deletes A's others, never B's
    await repo.writeSyncState(A, { status: 'running' });
    expect(await repo.getRow(B, cust('b', 1))).toMatchObject({
      consent: 'error',
      lastError: { code: 'AADSTS50020' },
    });
    // B's gap row stays as B wrote it: not made due by A's pass, not overwritten.
    expect(await repo.countDue(B, NOW)).toBe(0);
    expect(await repo.getRow(B, cust('b', 2))).toMatchObject({ lastError: { code: GAP.code } });
    expect((await repo.storedAssignments(B)).get('rel-b')?.assignments[0]?.groupId).toBe(GROUP);
    expect((await repo.counts(B, NOW, 30)).total).toBe(3);
    expect((await repo.readSyncState(B))?.status).toBe('failed');
  });

  it('refuses, by policy, to insert a row for B while scoped to A', async () => {
    // An upsert naming B's customer writes under A's partner id (the row is A's), never B's row.
    await upsert(A, [derived(cust('b', 1), { name: 'Injected' })]);
    expect((await repo.getRow(B, cust('b', 1)))?.name).toBe('Secret-B One');
    // Below the repository: a raw insert of a B row inside an A-scoped transaction fails.
    const attempt = t.db.transaction().execute(async (trx) => {
      await sql`set local role portal_access_tenant`.execute(trx);
      await sql`select set_config('portal.partner_tenant_id', ${A}, true)`.execute(trx);
      await sql`insert into access_customers (partner_tenant_id, customer_tenant_id, in_directory, access)
                values (${B}, ${cust('b', 9)}, true, 'gdap')`.execute(trx);
    });
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('shows nothing to a query that is not scoped to a partner', async () => {
    const rows = await t.db.transaction().execute(async (trx) => {
      await sql`set local role portal_access_tenant`.execute(trx);
      return trx.selectFrom('access_customers').selectAll().execute();
    });
    expect(rows).toEqual([]);
  });

  it('refuses a partner id that is not a GUID before any query, even when a caller lies to the type', async () => {
    await expect(repo.counts("' or 1=1 --" as TenantId, NOW, 30)).rejects.toMatchObject({
      code: 'invalid_tenant_id',
    });
  });
});

describe('the daily digest', () => {
  it('reports GDAP that entered the expiry window and consents lost after `since`, never older news', async () => {
    const since = new Date(NOW.getTime() - 86_400_000); // the last digest, a day ago
    await replace(A, [
      derived(cust('a', 1), { name: 'Entered today', endDate: day(29.5) }),
      derived(cust('a', 2), { name: 'Known before', endDate: day(10) }),
      derived(cust('a', 3), { name: 'Auto-extends', endDate: day(29.5), autoExtend: true }),
      derived(cust('a', 4), { name: 'Lost consent' }),
    ]);
    await repo.recordCheck(A, cust('a', 4), {
      consent: 'granted',
      missingScopes: [],
      checkedAt: NOW,
      nextCheckAt: null,
    });
    await repo.recordCheck(A, cust('a', 4), {
      consent: 'missing',
      missingScopes: ['x'],
      checkedAt: NOW,
      nextCheckAt: null,
    });
    const items = await repo.digestItems(A, since, NOW, 30);
    expect(items.map((i) => [i.name, i.kind])).toEqual([
      ['Entered today', 'expiring'],
      ['Lost consent', 'consent_lost'],
    ]);
    // B's news never reaches A's digest.
    expect(
      (await repo.digestItems(A, new Date(0), NOW, 30)).some((i) =>
        i.customerTenantId.startsWith('bbbbbbbb'),
      ),
    ).toBe(false);
  });

  it('reports GDAP that a change put in the window once, in the next digest, and never what was in it before', async () => {
    // Two days ago (before the last digest, a day ago), a pass saw these terms.
    const before = [
      derived(cust('a', 1), { name: 'End moved nearer', endDate: day(200) }),
      derived(cust('a', 2), { name: 'Known in window', endDate: day(10) }),
      derived(cust('a', 3), { name: 'Still auto-extends', endDate: day(20), autoExtend: true }),
      derived(cust('a', 4), { name: 'Auto-extend off', endDate: day(20), autoExtend: true }),
      derived(cust('a', 5), { name: 'Known, moved nearer', endDate: day(10) }),
      derived(cust('a', 6), { name: 'Window reached by time', endDate: day(29.5) }),
    ];
    await replace(A, before, SEEN);
    const since = new Date(NOW.getTime() - 86_400_000);
    // (Consents lost in the tests above are this test's noise: only GDAP is compared.)
    const names = async (from: Date, to: Date) =>
      (await repo.digestItems(A, from, to, 30))
        .filter((i) => i.kind === 'expiring')
        .map((i) => [i.name, i.kind, i.at.slice(0, 10)]);
    expect(await names(since, SEEN)).toEqual([]);

    // Today's pass: the end date moved into the window, auto-extend turned off, a relationship
    // near its end appeared; a row already in the window moved nearer still (not news).
    const today = [
      derived(cust('a', 1), { name: 'End moved nearer', endDate: day(20) }),
      before[1]!,
      before[2]!,
      derived(cust('a', 4), { name: 'Auto-extend off', endDate: day(20), autoExtend: false }),
      derived(cust('a', 5), { name: 'Known, moved nearer', endDate: day(3) }),
      before[5]!,
      derived(cust('a', 7), { name: 'New, near its end', endDate: day(15) }),
    ];
    await replace(A, today, NOW);
    const digest = await names(since, new Date(NOW.getTime() + 60_000));
    expect(digest).toEqual([
      ['New, near its end', 'expiring', day(15).slice(0, 10)],
      ['End moved nearer', 'expiring', day(20).slice(0, 10)],
      ['Auto-extend off', 'expiring', day(20).slice(0, 10)],
      ['Window reached by time', 'expiring', day(29.5).slice(0, 10)],
    ]);

    // The day after, another pass with the same terms: nothing repeats. A row in the window from
    // before the column existed (null) is not news either: its window started long ago.
    await t.db.transaction().execute(async (trx) => {
      await sql`set local role portal_access_tenant`.execute(trx);
      await sql`select set_config('portal.partner_tenant_id', ${A}, true)`.execute(trx);
      await sql`update access_customers set expiry_window_at = null
                where customer_tenant_id = ${cust('a', 2)}`.execute(trx);
    });
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    await replace(A, today, tomorrow);
    expect(await names(new Date(NOW.getTime() + 60_000), tomorrow)).toEqual([]);

    // Auto-extend back on leaves the window; turned off again later, that is news again.
    await replace(A, [{ ...today[3]!, autoExtend: true }], tomorrow);
    const third = new Date(NOW.getTime() + 2 * 86_400_000);
    await replace(A, [today[3]!], third);
    expect(await names(tomorrow, third)).toEqual([
      ['Auto-extend off', 'expiring', day(20).slice(0, 10)],
    ]);
  });

  it('"check now" notes a change into the window the same way', async () => {
    await upsert(A, [derived(cust('a', 1), { endDate: day(200), autoExtend: true })], SEEN);
    await upsert(A, [derived(cust('a', 1), { endDate: day(200), autoExtend: false })], NOW);
    const expiring = async () =>
      (await repo.digestItems(A, SEEN, NOW, 30))
        .filter((i) => i.kind === 'expiring')
        .map((i) => i.customerTenantId);
    expect(await expiring()).toEqual([]);
    await upsert(A, [derived(cust('a', 1), { endDate: day(25) })], NOW);
    expect(await expiring()).toEqual([cust('a', 1)]);
  });

  it('takes the first full pass as the baseline, which later passes never move', async () => {
    await repo.writeSyncState(A, { lastFullPassAt: NOW });
    await repo.writeSyncState(A, { lastFullPassAt: new Date(NOW.getTime() + 3_600_000) });
    expect((await repo.digestMarks(A)).baselineAt?.toISOString()).toBe(NOW.toISOString());
  });
});
