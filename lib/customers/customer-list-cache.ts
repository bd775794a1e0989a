import type { TenantId } from '@/lib/ids/tenant-id';
import type { CustomerSummary } from '@/lib/partner-center/types';
import type {
  CustomerDirectoryStore,
  DirectoryLease,
  DirectorySync,
} from './customer-directory-store';
import type { FleetChangeSource } from '@/lib/fleet/fleet-change-feed';
import { NotifiedRead } from '@/lib/fleet/notified-read';
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
  /**
   * The directory shared by the fleet. Without it (or while it cannot be reached) each process
   * loads from Partner Center on its own.
   */
  directory?: CustomerDirectoryStore;
  /** The fleet's change feed: while live, the directory's sync row is kept until it changes. */
  changes?: FleetChangeSource;
  /** Whether an error of the directory means "unreachable now" (then this process goes alone). */
  isUnavailable?: (error: unknown) => boolean;
  /** How often an instance following another's load looks for new rows. */
  followIntervalMs?: number;
  /** How long to wait for another instance's first page before loading here. */
  followTimeoutMs?: number;
  now?: () => number;
  onBackgroundError?: (error: unknown, tenantId: TenantId) => void;
}

/**
 * Customer lists per partner tenant, keyed by tenant id and never shared across tenants.
 *
 * With the shared directory (PostgreSQL), the fleet loads each partner's list from Partner
 * Center once: one instance leads the load (under a lock held for its length), awaiting only the
 * first page (one Partner Center call, even for 50,000 customers) and storing each page as it
 * arrives; every other instance follows the stored rows, with the same progress, instead of
 * paging Partner Center again. Each instance keeps its copy in memory, checked against the
 * directory's generation on every request (the sync row as last read while the fleet's change
 * feed is live, else one primary-key read), because a warm dashboard that slices memory is
 * several times faster than one that queries 50,000 rows per request.
 *
 * Concurrent requests in one process share one load or follow.
 */
export class CustomerListCache {
  private readonly entries = new Map<TenantId, CustomerListEntry>();
  private readonly firstPages = new Map<TenantId, Promise<CustomerListEntry>>();
  private readonly now: () => number;
  /** The per-request generation check: kept while the change feed is live (see NotifiedRead). */
  private readonly syncReads?: NotifiedRead<TenantId, DirectorySync | undefined>;

  constructor(private readonly opts: CustomerListCacheOptions) {
    this.now = opts.now ?? Date.now;
    const directory = opts.directory;
    if (directory)
      this.syncReads = new NotifiedRead(
        (t) => directory.readSync(t),
        opts.changes,
        'customer_directory_sync',
      );
  }

  /** The tenant's list: cached if fresh, else a new load (or another instance's) once its first page is in. */
  async get(tenantId: TenantId): Promise<CustomerListEntry> {
    const entry = this.entries.get(tenantId);
    const sync = await this.readSync(tenantId);
    if (sync === 'unavailable' || !this.opts.directory) {
      if (entry && this.isFresh(entry)) return entry;
      return this.once(tenantId, () => this.loadHere(tenantId));
    }
    if (entry && sync && entry.generation === sync.generation && this.isFresh(entry)) return entry;
    // A load whose first page is not stored yet is waited for (leadOrFollow), never followed
    // with no rows: everyone gets at least the first page.
    if (sync && this.isFreshSync(sync) && (sync.status !== 'loading' || sync.pages > 0))
      return this.once(tenantId, () => this.follow(tenantId, sync));
    return this.once(tenantId, () => this.leadOrFollow(tenantId));
  }

  /** Drops the tenant's list and starts loading it again (for the whole fleet). */
  async refresh(tenantId: TenantId): Promise<CustomerListEntry> {
    this.entries.delete(tenantId);
    if (!this.opts.directory) return this.once(tenantId, () => this.loadHere(tenantId));
    return this.once(tenantId, () => this.leadOrFollow(tenantId));
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

  /** A shared load worth following: in progress, or complete within the TTL. */
  private isFreshSync(sync: DirectorySync): boolean {
    if (sync.status === 'loading') return true;
    return sync.status === 'complete' && this.now() - (sync.completedAt ?? 0) < this.opts.ttlMs;
  }

  private async readSync(key: TenantId): Promise<DirectorySync | undefined | 'unavailable'> {
    if (!this.syncReads) return undefined;
    try {
      return await this.syncReads.read(key);
    } catch (e) {
      if (this.opts.isUnavailable?.(e)) return 'unavailable';
      throw e;
    }
  }

  private once(key: TenantId, load: () => Promise<CustomerListEntry>): Promise<CustomerListEntry> {
    const pending = this.firstPages.get(key);
    if (pending) return pending;
    const started = load().finally(() => this.firstPages.delete(key));
    this.firstPages.set(key, started);
    return started;
  }

  /** Leads the fleet's load of the tenant's list, or follows the instance that does. */
  private async leadOrFollow(key: TenantId): Promise<CustomerListEntry> {
    const directory = this.opts.directory!;
    let lease;
    try {
      lease = await directory.tryLead(key);
    } catch (e) {
      if (this.opts.isUnavailable?.(e)) return this.loadHere(key);
      throw e;
    }
    if (lease) return this.loadHere(key, lease);
    // Another instance is loading: wait for its first page, then mirror its rows.
    const deadline = this.now() + (this.opts.followTimeoutMs ?? 30_000);
    for (;;) {
      const sync = await directory.readSync(key);
      if (sync && (sync.pages > 0 || sync.status !== 'loading')) return this.follow(key, sync);
      if (this.now() > deadline) return this.loadHere(key);
      await sleep(this.opts.followIntervalMs ?? 100);
    }
  }

  /** Loads from Partner Center in this process; with a lease, stores every page for the fleet. */
  private async loadHere(key: TenantId, lease?: DirectoryLease): Promise<CustomerListEntry> {
    const source = this.opts.sourceFor(key);
    const entry = new CustomerListEntry(key, this.now());
    entry.generation = lease?.generation;
    let first;
    try {
      first = await source.listCustomersPage({});
      await lease?.addPage(first.items);
    } catch (e) {
      // Errors on the first page reach the caller (the page shows the error state); nothing is cached.
      await lease?.end({ error: toListError(e) }).catch(() => undefined);
      throw e;
    }
    entry.append(first.items);
    this.entries.set(key, entry);
    if (first.continuationToken) void this.loadRest(entry, source, first.continuationToken, lease);
    else await this.finish(entry, lease);
    return entry;
  }

  private async finish(entry: CustomerListEntry, lease: DirectoryLease | undefined): Promise<void> {
    try {
      await lease?.end({});
    } catch (e) {
      this.opts.onBackgroundError?.(e, entry.tenantId);
    }
    entry.complete(this.now());
  }

  private async loadRest(
    entry: CustomerListEntry,
    source: CustomerSource,
    token: string,
    lease: DirectoryLease | undefined,
  ): Promise<void> {
    let continuationToken: string | undefined = token;
    try {
      while (continuationToken) {
        // Refreshed or forgotten here: without a lease, stop paging (the new entry has its own
        // load). A fleet load goes on: other instances are following it.
        if (!lease && this.entries.get(entry.tenantId) !== entry) {
          entry.fail({
            code: 'customers_superseded',
            message: 'A newer load of the customer list replaced this one.',
          });
          return;
        }
        const page = await source.listCustomersPage({ continuationToken });
        await lease?.addPage(page.items);
        entry.append(page.items);
        continuationToken = page.continuationToken;
      }
      await this.finish(entry, lease);
    } catch (e) {
      const error = toListError(e);
      await lease?.end({ error }).catch(() => undefined);
      entry.fail(error);
      this.opts.onBackgroundError?.(e, entry.tenantId);
    }
  }

  /** Mirrors the fleet's load of the tenant's list from the directory, as it fills. */
  private async follow(key: TenantId, sync: DirectorySync): Promise<CustomerListEntry> {
    const directory = this.opts.directory!;
    const entry = new CustomerListEntry(key, this.now());
    entry.generation = sync.generation;
    const firstRows = await directory.readRows(key, sync.generation, 0);
    entry.append(firstRows.items);
    entry.pages = sync.pages;
    this.entries.set(key, entry);
    const settle = (s: DirectorySync | undefined) => {
      if (s?.status === 'complete' && s.generation === sync.generation)
        entry.complete(s.completedAt ?? this.now());
      else if (s?.status === 'error' && s.generation === sync.generation)
        entry.fail(s.error ?? { code: 'customers_unavailable', message: 'The load failed.' });
      else if (!s || s.generation !== sync.generation)
        entry.fail({
          code: 'customers_superseded',
          message: 'A newer load of the customer list replaced this one.',
        });
    };
    if (sync.status !== 'loading') {
      // Rows stored after the sync row was read belong to a newer load; this one is whole.
      settle(sync);
      return entry;
    }
    void (async () => {
      let lastSeq = firstRows.lastSeq;
      try {
        for (;;) {
          await sleep(this.opts.followIntervalMs ?? 100);
          const now = await directory.readSync(key);
          const more = await directory.readRows(key, sync.generation, lastSeq);
          if (more.items.length) entry.append(more.items);
          lastSeq = more.lastSeq;
          if (now?.generation === sync.generation) entry.pages = now.pages;
          if (now?.status !== 'loading' || now.generation !== sync.generation) {
            // Rows stored between the two reads above are read once more before settling.
            const rest = await directory.readRows(key, sync.generation, lastSeq);
            if (rest.items.length) entry.append(rest.items);
            if (now?.generation === sync.generation) entry.pages = now.pages;
            settle(now);
            return;
          }
        }
      } catch (e) {
        entry.fail(toListError(e));
        this.opts.onBackgroundError?.(e, key);
      }
    })();
    return entry;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
