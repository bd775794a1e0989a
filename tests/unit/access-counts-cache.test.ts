import type { FilterCounts } from '@/lib/access/access-repository';
import { CountsCache } from '@/lib/access/counts-cache';
import { ACCESS_FILTERS } from '@/lib/access/access-query';
import { toTenantId } from '@/lib/ids/tenant-id';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const counts = (n: number) => Object.fromEntries(ACCESS_FILTERS.map((f) => [f, n])) as FilterCounts;

describe("the access page's short counts cache", () => {
  it('serves a partner its own counts until they are ttl old, then none', () => {
    let now = 0;
    const cache = new CountsCache(2_000, () => now);
    cache.set(A, counts(5));
    expect(cache.get(A)?.all).toBe(5);
    expect(cache.get(B)).toBeUndefined();
    now = 1_999;
    expect(cache.get(A)?.all).toBe(5);
    now = 2_000;
    expect(cache.get(A)).toBeUndefined();
  });

  it('forgets a partner at once after a write through this process', () => {
    const cache = new CountsCache(60_000, () => 0);
    cache.set(A, counts(1));
    cache.set(B, counts(2));
    cache.forget(A);
    expect(cache.get(A)).toBeUndefined();
    expect(cache.get(B)?.all).toBe(2);
  });
});
