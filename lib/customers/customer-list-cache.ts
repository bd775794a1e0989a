import type { TenantId } from '@/lib/ids/tenant-id';
import type { CustomerSummary } from '@/lib/partner-center/types';
import { CustomerListEntry } from './customer-list-entry';
import { toListError } from './to-list-error';

/** The Partner Center calls the cache needs, for one partner tenant. */
export interface CustomerSource {
  listCustomersPage(query: {
    continuationToken?: string;
  }): Promise<{ items: CustomerSummary[]; continuationToken?: string }>;
}

export interface CustomerListCacheOptions {
  /** How long a complete list is served before it is fetched again. */
  ttlMs: number;
  /** The Partner Center client for a tenant (it asks the token broker for that tenant's token). */
  sourceFor: (tenantId: TenantId) => CustomerSource;
  now?: () => number;
  onBackgroundError?: (error: unknown, tenantId: TenantId) => void;
}

/**
 * Customer lists cached per partner tenant, keyed by tenant id and never shared across tenants.
 * A load awaits only the first page (one Partner Center call, even for 50,000 customers); the
 * rest streams in behind it while pages show progress. Concurrent requests share one load, so
 * a cold start costs exactly one pass over Partner Center's pages.
 */
export class CustomerListCache {
  private readonly entries = new Map<TenantId, CustomerListEntry>();
  private readonly firstPages = new Map<TenantId, Promise<CustomerListEntry>>();
  private readonly now: () => number;

  constructor(private readonly opts: CustomerListCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The tenant's list: cached if fresh, else a new load once its first page is in. */
  async get(tenantId: TenantId): Promise<CustomerListEntry> {
    const entry = this.entries.get(tenantId);
    if (entry && this.isFresh(entry)) return entry;
    return this.load(tenantId);
  }

  /** Drops the tenant's list and starts loading it again. */
  async refresh(tenantId: TenantId): Promise<CustomerListEntry> {
    this.entries.delete(tenantId);
    return this.load(tenantId);
  }

  /** The tenant's list once fully loaded (or failed), for the CSV export. */
  async getComplete(tenantId: TenantId): Promise<CustomerListEntry> {
    const entry = await this.get(tenantId);
    await entry.settled;
    return entry;
  }

  /** What is cached now, without starting a load (progress polling). */
  peek(tenantId: TenantId): CustomerListEntry | undefined {
    return this.entries.get(tenantId);
  }

  forget(tenantId: TenantId): void {
    this.entries.delete(tenantId);
  }

  private isFresh(entry: CustomerListEntry): boolean {
    if (entry.status === 'loading') return true;
    // A failed load is retried on the next request; a complete one lives for the TTL.
    return entry.status === 'complete' && this.now() - (entry.completedAt ?? 0) < this.opts.ttlMs;
  }

  private load(key: TenantId): Promise<CustomerListEntry> {
    const pending = this.firstPages.get(key);
    if (pending) return pending;
    const started = this.loadFirstPage(key).finally(() => this.firstPages.delete(key));
    this.firstPages.set(key, started);
    return started;
  }

  private async loadFirstPage(key: TenantId): Promise<CustomerListEntry> {
    const source = this.opts.sourceFor(key);
    const entry = new CustomerListEntry(key, this.now());
    // Errors on the first page reach the caller (the page shows the error state); nothing is cached.
    const first = await source.listCustomersPage({});
    entry.append(first.items);
    this.entries.set(key, entry);
    if (first.continuationToken) void this.loadRest(entry, source, first.continuationToken);
    else entry.complete(this.now());
    return entry;
  }

  private async loadRest(
    entry: CustomerListEntry,
    source: CustomerSource,
    token: string,
  ): Promise<void> {
    let continuationToken: string | undefined = token;
    try {
      while (continuationToken) {
        if (this.entries.get(entry.tenantId) !== entry) {
          // Refreshed or forgotten meanwhile: stop paging; the new entry has its own load.
          entry.fail({
            code: 'customers_superseded',
            message: 'A newer load of the customer list replaced this one.',
          });
          return;
        }
        const page = await source.listCustomersPage({ continuationToken });
        entry.append(page.items);
        continuationToken = page.continuationToken;
      }
      entry.complete(this.now());
    } catch (e) {
      entry.fail(toListError(e));
      this.opts.onBackgroundError?.(e, entry.tenantId);
    }
  }
}
