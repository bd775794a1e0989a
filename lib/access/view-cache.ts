import type { TenantId } from '@/lib/ids/tenant-id';
import type { PageRead, PartnerSummary } from './access-repository';

interface Entry<V> {
  partner: TenantId;
  at: number;
  value: V;
}

/**
 * What the access page read moments ago, per partner tenant, in this process: the partner's
 * counts and sync state (counting every filter is a scan of all its rows, most of a page view's
 * database time at 10,000 customers) and the pages of rows its users opened (a few statements
 * each; the bench's profile put a page view's reads at a third of its time). Everything is at
 * most `ttlMs` old: the sync writes in the background every 30 minutes, so a view a moment old
 * shows the same thing. A write through this process (a check, a grant or removal, "grant all
 * missing") drops the partner's entries so its own user sees the change at once.
 *
 * Keys always start with the partner tenant from the caller's session, read after its
 * connection guard: an entry never serves another partner. Bounded: past `maxPages` the oldest
 * page goes first.
 */
export class AccessViewCache {
  private readonly summaries = new Map<TenantId, Entry<PartnerSummary>>();
  private readonly pages = new Map<string, Entry<PageRead>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxPages = 500,
  ) {}

  summary(partner: TenantId): PartnerSummary | undefined {
    return this.fresh(this.summaries, partner);
  }

  setSummary(partner: TenantId, summary: PartnerSummary): void {
    this.summaries.set(partner, { partner, at: this.now(), value: summary });
  }

  /** `queryKey` names the query (its canonical query string, see accessQueryString). */
  page(partner: TenantId, queryKey: string): PageRead | undefined {
    return this.fresh(this.pages, pageKey(partner, queryKey));
  }

  setPage(partner: TenantId, queryKey: string, page: PageRead): void {
    const key = pageKey(partner, queryKey);
    this.pages.delete(key);
    if (this.pages.size >= this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { partner, at: this.now(), value: page });
  }

  forget(partner: TenantId): void {
    this.summaries.delete(partner);
    for (const [key, entry] of this.pages) if (entry.partner === partner) this.pages.delete(key);
  }

  private fresh<K, V>(map: Map<K, Entry<V>>, key: K): V | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  }
}

function pageKey(partner: TenantId, queryKey: string): string {
  return `${partner}|${queryKey}`;
}

const KEY = Symbol.for('partner-portal.access-view-cache');

/** One per process (Next loads pages and route handlers as separate module copies). */
export function getAccessViewCache(): AccessViewCache {
  const g = globalThis as { [KEY]?: AccessViewCache };
  return (g[KEY] ??= new AccessViewCache(2_000));
}
