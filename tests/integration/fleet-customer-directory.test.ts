/**
 * The shared customer directory against a real PostgreSQL: several "instances" (each its own
 * pools and memory) load one partner's list from a fake Partner Center that counts its calls.
 */
import type pg from 'pg';
import { toTenantId } from '@/lib/ids/tenant-id';
import { CustomerListCache, type CustomerSource } from '@/lib/customers/customer-list-cache';
import { queryCustomers } from '@/lib/customers/query-customers';
import { DEFAULT_QUERY } from '@/lib/customers/customer-query';
import { PgCustomerDirectory } from '@/lib/fleet/pg-customer-directory';
import { isDatabaseUnavailable } from '@/lib/fleet/sql-pool';
import type { CustomerSummary } from '@/lib/partner-center/types';
import { createTestDatabase, type TestDatabase } from '../support/fleet-test-db';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

function customers(n: number, offset = 0): CustomerSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + offset).padStart(12, '0')}`,
    companyName: `Customer ${i + offset}`,
    domain: `c${i + offset}.example`,
    relationship: 'reseller',
  }));
}

/** Partner Center with `pages` pages of 500, each answered after `delayMs`. */
function fakePartnerCenter(pages: number, delayMs = 30) {
  const pc = {
    calls: 0,
    fail: false,
    source: {
      async listCustomersPage(q: { continuationToken?: string }) {
        pc.calls++;
        await new Promise((r) => setTimeout(r, delayMs));
        if (pc.fail && q.continuationToken) throw new Error('partner center went away');
        const index = q.continuationToken ? Number(q.continuationToken) : 0;
        return {
          items: customers(500, index * 500),
          continuationToken: index + 1 < pages ? String(index + 1) : undefined,
        };
      },
    },
  };
  return pc;
}

function instance(pc: ReturnType<typeof fakePartnerCenter>, pool: pg.Pool = t.newPool(3)) {
  return new CustomerListCache({
    ttlMs: 60_000,
    sourceFor: () => pc.source,
    directory: new PgCustomerDirectory(pool, t.newPool(2)),
    isUnavailable: isDatabaseUnavailable,
    followIntervalMs: 20,
  });
}

beforeEach(async () => {
  await t.pool.query('DELETE FROM customer_directory; DELETE FROM customer_directory_sync');
});

describe('the shared customer directory', () => {
  it('three instances load one partner from Partner Center once, and each gets the whole list', async () => {
    const pc = fakePartnerCenter(6);
    const fleet = [instance(pc), instance(pc), instance(pc)];
    const entries = await Promise.all(Array.from({ length: 30 }, (_, i) => fleet[i % 3]!.get(A)));
    // The first page is there for everyone before the rest has loaded.
    expect(entries.every((e) => e.items.length >= 500)).toBe(true);
    const complete = await Promise.all(fleet.map((f) => f.getComplete(A)));
    expect(pc.calls).toBe(6);
    for (const e of complete) {
      expect(e.status).toBe('complete');
      expect(e.items).toHaveLength(3000);
    }
    const names = (e: (typeof complete)[number]) =>
      queryCustomers(e, { ...DEFAULT_QUERY, pageSize: 25 }).items.map((c) => c.id);
    expect(names(complete[1]!)).toEqual(names(complete[0]!));
    const { rows } = await t.pool.query('SELECT count(*)::int AS n FROM customer_directory');
    expect(rows[0].n).toBe(3000);
  });

  it('a later instance reads the stored list without calling Partner Center', async () => {
    const pc = fakePartnerCenter(2);
    await instance(pc).getComplete(A);
    const late = await instance(pc).getComplete(A);
    expect(late.items).toHaveLength(1000);
    expect(pc.calls).toBe(2);
  });

  it('refresh reloads for the fleet: the others see the new generation and follow it', async () => {
    const pc = fakePartnerCenter(2);
    const one = instance(pc);
    const two = instance(pc);
    await one.getComplete(A);
    await two.getComplete(A);
    const before = two.peek(A)!;
    await one.refresh(A);
    await one.getComplete(A);
    const after = await two.getComplete(A);
    expect(after).not.toBe(before);
    expect(after.generation).toBe(one.peek(A)!.generation);
    expect(pc.calls).toBe(4);
  });

  it('a load that fails part-way fails for every instance, and the next request retries', async () => {
    const pc = fakePartnerCenter(3);
    pc.fail = true;
    const one = instance(pc);
    const two = instance(pc);
    const [a, b] = await Promise.all([one.get(A), two.get(A)]);
    await Promise.all([a.settled, b.settled]);
    expect([a.status, b.status]).toEqual(['error', 'error']);
    pc.fail = false;
    const retried = await two.getComplete(A);
    expect(retried.status).toBe('complete');
    expect(retried.items).toHaveLength(1500);
  });

  it("is scoped by partner tenant: one partner's load, rows, progress and disconnect never touch another's", async () => {
    const pcA = fakePartnerCenter(1);
    const pcB = {
      calls: 0,
      source: {
        async listCustomersPage() {
          pcB.calls++;
          return { items: customers(3, 900_000) };
        },
      },
    };
    const dir = new PgCustomerDirectory(t.newPool(2), t.newPool(2));
    const cache = (pc: { source: CustomerSource }) =>
      new CustomerListCache({ ttlMs: 60_000, sourceFor: () => pc.source, directory: dir });
    const a = await cache(pcA).getComplete(A);
    const b = await cache(pcB).getComplete(B);
    expect(a.items).toHaveLength(500);
    expect(b.items.map((c) => c.id)).toEqual(customers(3, 900_000).map((c) => c.id));
    const syncA = await dir.readSync(A);
    const rowsB = await dir.readRows(B, (await dir.readSync(B))!.generation, 0);
    expect(rowsB.items).toHaveLength(3);
    expect(rowsB.items.some((c) => a.has(c.id))).toBe(false);
    await dir.forget(B);
    expect(await dir.readSync(B)).toBeUndefined();
    expect(await dir.readSync(A)).toEqual(syncA);
    expect((await dir.readRows(A, syncA!.generation, 0)).items).toHaveLength(500);
  });

  it('rows are keyed by (partner tenant, customer tenant) and a disconnect removes the partner', async () => {
    const pc = fakePartnerCenter(1);
    await instance(pc).getComplete(A);
    const dup = await t.pool
      .query(
        `INSERT INTO customer_directory (partner_tenant_id, customer_tenant_id, company_name, domain, relationship, generation)
         VALUES ($1, $2, 'x', 'x', 'reseller', 1)`,
        [A, customers(1)[0]!.id],
      )
      .catch((e: { code: string }) => e.code);
    expect(dup).toBe('23505');
    await new PgCustomerDirectory(t.pool, t.pool).forget(A);
    const { rows } = await t.pool.query('SELECT count(*)::int AS n FROM customer_directory');
    expect(rows[0].n).toBe(0);
  });

  it("isolates partners by row-level security: scoped to A, B's rows are invisible and unwritable, and unscoped the portal's role sees none", async () => {
    const [pcA, pcB] = [fakePartnerCenter(1), fakePartnerCenter(1)];
    await instance(pcA).getComplete(A);
    await instance(pcB).getComplete(B);
    const client = await t.pool.connect();
    const asPortal = async (tenant: string | undefined, text: string, values: unknown[] = []) => {
      await client.query('BEGIN');
      try {
        await client.query(
          `SELECT set_config('role', 'portal_directory_tenant', true),
                  set_config('portal.partner_tenant_id', $1, true)`,
          [tenant ?? ''],
        );
        return await client.query(text, values);
      } finally {
        await client.query('ROLLBACK');
      }
    };
    try {
      const count =
        'SELECT partner_tenant_id, count(*)::int AS n FROM customer_directory GROUP BY 1';
      // The superuser the test connects as bypasses the policy: both partners are there.
      expect((await t.pool.query(count)).rows).toHaveLength(2);
      expect((await asPortal(A, count)).rows).toEqual([{ partner_tenant_id: A, n: 500 }]);
      expect((await asPortal(undefined, count)).rows).toEqual([]);
      // Writing B's row while scoped to A is refused by the policy, reading or deleting it no-ops.
      const write = await asPortal(
        A,
        `INSERT INTO customer_directory (partner_tenant_id, customer_tenant_id, company_name, domain, relationship, generation)
         VALUES ($1, '11111111-1111-4111-8111-111111111111', 'x', 'x', 'reseller', 1)`,
        [B],
      ).catch((e: { code: string }) => e.code);
      expect(write).toBe('42501');
      const removed = await asPortal(
        A,
        'DELETE FROM customer_directory WHERE partner_tenant_id = $1',
        [B],
      );
      expect(removed.rowCount).toBe(0);
    } finally {
      client.release();
    }
  });
});
