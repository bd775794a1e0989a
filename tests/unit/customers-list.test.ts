import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { CustomerListCache, type CustomerSource } from '@/lib/customers/customer-list-cache';
import { CustomerListEntry } from '@/lib/customers/customer-list-entry';
import {
  customerQueryString,
  DEFAULT_QUERY,
  parseCustomerQuery,
} from '@/lib/customers/customer-query';
import { queryCustomers } from '@/lib/customers/query-customers';
import { csvCell, streamCustomersCsv } from '@/lib/customers/stream-customers-csv';
import type { CustomerSummary, Relationship } from '@/lib/partner-center/types';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');

function customers(prefix: string, n: number): CustomerSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    companyName: `${prefix} Company ${i}`,
    domain: `${prefix.toLowerCase()}${i}.onmicrosoft.com`,
    relationship: (i % 3 === 0 ? 'advisor' : 'reseller') as Relationship,
  }));
}

/** A paged fake of Partner Center for one tenant; `gate` holds background pages until released. */
function pagedSource(all: CustomerSummary[], pageSize = 500) {
  const calls: Array<string | undefined> = [];
  const completed: Array<string | undefined> = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const source: CustomerSource & {
    calls: typeof calls;
    completed: typeof calls;
    hold(): void;
    release(): void;
  } = {
    calls,
    completed,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    async listCustomersPage({ continuationToken }) {
      calls.push(continuationToken);
      const start = continuationToken ? Number(continuationToken) : 0;
      if (start > 0) await gate;
      const end = start + pageSize;
      completed.push(continuationToken);
      return {
        items: all.slice(start, end),
        continuationToken: end < all.length ? String(end) : undefined,
      };
    },
  };
  return source;
}

async function settle(cache: CustomerListCache, tenant: TenantId) {
  await (
    await cache.get(tenant)
  ).settled;
}

describe('customer list cache', () => {
  it('answers after ONE Partner Center call for 50,000 customers and loads the rest behind it', async () => {
    const source = pagedSource(customers('A', 50_000));
    source.hold();
    const cache = new CustomerListCache({ ttlMs: 60_000, sourceFor: () => source });

    const entry = await cache.get(A);
    // The caller waited for the first page only; the second is already on its way.
    expect(source.completed).toEqual([undefined]);
    expect(entry.items).toHaveLength(500);
    expect(entry.status).toBe('loading');

    source.release();
    await entry.settled;
    expect(entry.status).toBe('complete');
    expect(entry.items).toHaveLength(50_000);
    expect(source.calls).toHaveLength(100);
  });

  it('shares one load between concurrent cold requests (20 calls for 10,000 customers)', async () => {
    const source = pagedSource(customers('A', 10_000));
    const cache = new CustomerListCache({ ttlMs: 60_000, sourceFor: () => source });
    const entries = await Promise.all(Array.from({ length: 50 }, () => cache.get(A)));
    expect(new Set(entries).size).toBe(1);
    await entries[0]!.settled;
    expect(source.calls).toHaveLength(20);
  });

  it('keeps each tenant’s list apart, fetched with that tenant’s own source', async () => {
    const sources: Record<string, ReturnType<typeof pagedSource>> = {
      [A]: pagedSource(customers('A', 30)),
      [B]: pagedSource(customers('B', 20)),
    };
    const sourceFor = jest.fn((t: string) => sources[t]!);
    const cache = new CustomerListCache({ ttlMs: 60_000, sourceFor });
    const [a, b] = await Promise.all([cache.get(A), cache.get(B)]);
    expect(a.items.every((c) => c.id.startsWith('A-'))).toBe(true);
    expect(b.items.every((c) => c.id.startsWith('B-'))).toBe(true);
    expect(sourceFor.mock.calls.map(([t]) => t).sort()).toEqual([A, B]);
    expect(cache.peek(toTenantId(B.toUpperCase()))).toBe(b);
  });

  it('serves the cached list within the TTL and loads again after it', async () => {
    let now = 0;
    const source = pagedSource(customers('A', 10));
    const cache = new CustomerListCache({
      ttlMs: 300_000,
      sourceFor: () => source,
      now: () => now,
    });
    await settle(cache, A);
    now += 299_999;
    await cache.get(A);
    expect(source.calls).toHaveLength(1);
    now += 1;
    await cache.get(A);
    expect(source.calls).toHaveLength(2);
  });

  it('refresh starts a new load and stops the old background load', async () => {
    const source = pagedSource(customers('A', 2_000));
    source.hold();
    const cache = new CustomerListCache({ ttlMs: 300_000, sourceFor: () => source });
    const old = await cache.get(A);
    const fresh = await cache.refresh(A);
    source.release();
    await Promise.all([old.settled, fresh.settled]);
    expect(fresh).not.toBe(old);
    expect(fresh.status).toBe('complete');
    expect(old.status).toBe('error');
    expect(cache.peek(A)).toBe(fresh);
  });

  it('passes a first-page failure to the caller and caches nothing', async () => {
    const failing: CustomerSource = {
      listCustomersPage: jest
        .fn()
        .mockRejectedValueOnce(new Error('boom'))
        .mockResolvedValue({ items: customers('A', 1) }),
    };
    const cache = new CustomerListCache({ ttlMs: 300_000, sourceFor: () => failing });
    await expect(cache.get(A)).rejects.toThrow('boom');
    expect(cache.peek(A)).toBeUndefined();
    await expect(cache.get(A)).resolves.toMatchObject({ status: 'complete' });
  });

  it('keeps what loaded when a later page fails, reports the error, and retries on the next request', async () => {
    const source = pagedSource(customers('A', 1_200));
    const real = source.listCustomersPage.bind(source);
    let n = 0;
    source.listCustomersPage = async (q) =>
      ++n === 2 ? Promise.reject(new Error('503')) : real(q);
    const errors: unknown[] = [];
    const cache = new CustomerListCache({
      ttlMs: 300_000,
      sourceFor: () => source,
      onBackgroundError: (e) => errors.push(e),
    });
    const entry = await cache.get(A);
    await entry.settled;
    expect(entry.status).toBe('error');
    expect(entry.items).toHaveLength(500);
    expect(entry.error).toEqual({
      code: 'customers_unavailable',
      message: 'The customer list could not be loaded.',
    });
    expect(errors).toHaveLength(1);
    const again = await cache.get(A);
    expect(again).not.toBe(entry);
  });
});

function entryOf(items: CustomerSummary[], complete = true): CustomerListEntry {
  const e = new CustomerListEntry(A, 0);
  e.append(items);
  if (complete) e.complete(1);
  return e;
}

describe('queryCustomers', () => {
  const rows: CustomerSummary[] = [
    {
      id: '3',
      companyName: 'Contoso Ltd',
      domain: 'contoso.onmicrosoft.com',
      relationship: 'reseller',
    },
    { id: '1', companyName: 'Fabrikam', domain: 'fabrikam.com', relationship: 'advisor' },
    { id: '2', companyName: 'adatum', domain: 'contoso-adatum.com', relationship: 'reseller' },
    {
      id: '4',
      companyName: 'Northwind',
      domain: 'northwind.net',
      relationship: 'microsoft_support',
    },
  ];

  it('sorts by name case-insensitively, ascending and descending', () => {
    const e = entryOf(rows);
    expect(queryCustomers(e, DEFAULT_QUERY).items.map((c) => c.companyName)).toEqual([
      'adatum',
      'Contoso Ltd',
      'Fabrikam',
      'Northwind',
    ]);
    expect(
      queryCustomers(e, { ...DEFAULT_QUERY, dir: 'desc' }).items.map((c) => c.companyName),
    ).toEqual(['Northwind', 'Fabrikam', 'Contoso Ltd', 'adatum']);
  });

  it('sorts by domain and by relationship', () => {
    const e = entryOf(rows);
    expect(queryCustomers(e, { ...DEFAULT_QUERY, sort: 'domain' }).items.map((c) => c.id)).toEqual([
      '2',
      '3',
      '1',
      '4',
    ]);
    expect(
      queryCustomers(e, { ...DEFAULT_QUERY, sort: 'relationship' }).items.map(
        (c) => c.relationship,
      ),
    ).toEqual(['advisor', 'microsoft_support', 'reseller', 'reseller']);
  });

  it('searches name and domain, case-insensitively', () => {
    const e = entryOf(rows);
    const r = queryCustomers(e, { ...DEFAULT_QUERY, q: 'CONTOSO' });
    expect(r.items.map((c) => c.id)).toEqual(['2', '3']);
    expect(r.total).toBe(2);
  });

  it('filters by relationship and combines with search', () => {
    const e = entryOf(rows);
    expect(queryCustomers(e, { ...DEFAULT_QUERY, relationship: 'reseller' }).total).toBe(2);
    expect(
      queryCustomers(e, { ...DEFAULT_QUERY, relationship: 'reseller', q: 'ltd' }).items.map(
        (c) => c.id,
      ),
    ).toEqual(['3']);
  });

  it('pages, counts and clamps a page beyond the end', () => {
    const e = entryOf(customers('A', 60));
    const p2 = queryCustomers(e, { ...DEFAULT_QUERY, page: 2, pageSize: 25 });
    expect(p2.items).toHaveLength(25);
    expect(p2.total).toBe(60);
    expect(p2.pageCount).toBe(3);
    const last = queryCustomers(e, { ...DEFAULT_QUERY, page: 99, pageSize: 25 });
    expect(last.page).toBe(3);
    expect(last.items).toHaveLength(10);
    const lastDesc = queryCustomers(e, { ...DEFAULT_QUERY, page: 3, pageSize: 25, dir: 'desc' });
    expect(lastDesc.items).toHaveLength(10);
    expect(lastDesc.items[9]!.companyName).toBe('A Company 0');
  });

  it('works on a list still loading and reports progress', () => {
    const e = entryOf(customers('A', 30), false);
    const r = queryCustomers(e, DEFAULT_QUERY);
    expect(r.progress).toEqual({ status: 'loading', loaded: 30, pages: 1, error: undefined });
    expect(e.sortedViews.size).toBe(0);
  });

  it('ignores duplicate ids across page boundaries', () => {
    const e = new CustomerListEntry(A, 0);
    e.append(rows.slice(0, 2));
    e.append(rows.slice(1));
    expect(e.items).toHaveLength(4);
    expect(e.has('4')).toBe(true);
  });
});

describe('customer query in the URL', () => {
  it('round-trips and leaves defaults out', () => {
    const q = parseCustomerQuery(
      new URLSearchParams('q=con&sort=domain&dir=desc&relationship=advisor&page=3&pageSize=50'),
    );
    expect(q).toEqual({
      q: 'con',
      sort: 'domain',
      dir: 'desc',
      relationship: 'advisor',
      page: 3,
      pageSize: 50,
    });
    expect(customerQueryString(q)).toBe(
      '?q=con&sort=domain&dir=desc&relationship=advisor&page=3&pageSize=50',
    );
    expect(customerQueryString(DEFAULT_QUERY)).toBe('');
    expect(customerQueryString(q, { page: 1 })).not.toContain('page=');
  });

  it('turns garbage into defaults instead of errors', () => {
    const q = parseCustomerQuery({
      sort: 'password',
      dir: 'sideways',
      relationship: 'enemy',
      page: '-4',
      pageSize: '100000',
      q: ['a', 'b'],
    });
    expect(q).toEqual({ ...DEFAULT_QUERY, q: 'a' });
  });
});

describe('CSV export', () => {
  it('quotes and neutralises formula-like cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Contoso, Ltd')).toBe('"Contoso, Ltd"');
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
  });

  it('streams a header and every row', async () => {
    const text = await new Response(streamCustomersCsv(customers('A', 1_201))).text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Microsoft ID,Company name,Primary domain,Relationship');
    expect(lines).toHaveLength(1_202);
    expect(lines[1]).toBe('A-000000,A Company 0,a0.onmicrosoft.com,advisor');
  });
});
