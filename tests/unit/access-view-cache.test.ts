import type { FilterCounts, PageRead } from '@/lib/access/access-repository';
import { AccessViewCache } from '@/lib/access/view-cache';
import { ACCESS_FILTERS } from '@/lib/access/access-query';
import { toTenantId } from '@/lib/ids/tenant-id';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const summary = (n: number) => ({
  byFilter: Object.fromEntries(ACCESS_FILTERS.map((f) => [f, n])) as FilterCounts,
  sync: null,
});
const page = (n: number): PageRead => ({
  ...summary(n),
  rows: [],
  total: n,
  counts: {
    total: n,
    canManage: 0,
    expiring: 0,
    expiredOrNone: 0,
    notConsented: 0,
    globalAdmin: 0,
    error: 0,
  },
});

describe("the access page's short cache", () => {
  it('serves a partner its own summary and pages until they are ttl old, then none', () => {
    let now = 0;
    const cache = new AccessViewCache(2_000, () => now);
    cache.setSummary(A, summary(5));
    cache.setPage(A, '?filter=expiring', page(3));
    expect(cache.summary(A)?.byFilter.all).toBe(5);
    expect(cache.page(A, '?filter=expiring')?.total).toBe(3);
    // Another partner, or another query, is never served from A's entries.
    expect(cache.summary(B)).toBeUndefined();
    expect(cache.page(B, '?filter=expiring')).toBeUndefined();
    expect(cache.page(A, '')).toBeUndefined();
    now = 1_999;
    expect(cache.summary(A)?.byFilter.all).toBe(5);
    expect(cache.page(A, '?filter=expiring')?.total).toBe(3);
    now = 2_000;
    expect(cache.summary(A)).toBeUndefined();
    expect(cache.page(A, '?filter=expiring')).toBeUndefined();
  });

  it('forgets a partner at once after a write through this process, and only that partner', () => {
    const cache = new AccessViewCache(60_000, () => 0);
    cache.setSummary(A, summary(1));
    cache.setSummary(B, summary(2));
    cache.setPage(A, '', page(1));
    cache.setPage(A, '?page=2', page(1));
    cache.setPage(B, '', page(2));
    cache.forget(A);
    expect([cache.summary(A), cache.page(A, ''), cache.page(A, '?page=2')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(cache.summary(B)?.byFilter.all).toBe(2);
    expect(cache.page(B, '')?.total).toBe(2);
  });

  it('holds at most maxPages pages, dropping the oldest first', () => {
    const cache = new AccessViewCache(60_000, () => 0, 2);
    cache.setPage(A, '?page=1', page(1));
    cache.setPage(A, '?page=2', page(2));
    cache.setPage(B, '?page=1', page(3));
    expect(cache.page(A, '?page=1')).toBeUndefined();
    expect(cache.page(A, '?page=2')?.total).toBe(2);
    expect(cache.page(B, '?page=1')?.total).toBe(3);
  });
});
