import type { TenantId } from '@/lib/ids/tenant-id';
import type { FilterCounts } from './access-repository';

/**
 * The access page's counts, kept for a moment per partner tenant in this process: counting
 * every filter is a scan of all the partner's rows (most of a page view's database time at
 * 10,000 customers), while the rows on the page are always read fresh. The counts (and a
 * filter's total without a search) are at most `ttlMs` old; a write through this process
 * (a check, a grant) drops the partner's entry so its own user sees the change at once.
 */
export class CountsCache {
  private readonly entries = new Map<TenantId, { at: number; counts: FilterCounts }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(partner: TenantId): FilterCounts | undefined {
    const entry = this.entries.get(partner);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(partner);
      return undefined;
    }
    return entry.counts;
  }

  set(partner: TenantId, counts: FilterCounts): void {
    this.entries.set(partner, { at: this.now(), counts });
  }

  forget(partner: TenantId): void {
    this.entries.delete(partner);
  }
}

const KEY = Symbol.for('partner-portal.access-counts-cache');

/** One per process (Next loads pages and route handlers as separate module copies). */
export function getCountsCache(): CountsCache {
  const g = globalThis as { [KEY]?: CountsCache };
  return (g[KEY] ??= new CountsCache(2_000));
}
