import 'server-only';
import type { ConnectionChange, ConnectionChangeFeed } from './connection-change-feed';
import type { ConnectionSummary } from './refresh-token-store';

export interface ConnectionListingDeps {
  /** The full walk: every page of Key Vault's secret list (properties only). */
  walk(): Promise<ConnectionSummary[]>;
  feed: ConnectionChangeFeed;
  /** A backstop for writers the feed cannot hear (`csp keepalive` from cron, another tool). */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Every connection's listing entry, kept between requests so that rendering the operator's view
 * of hundreds of partners does not walk Key Vault's secret pages each time. Writes made through
 * the refresh-token store arrive on the change feed and patch the one entry they changed; a
 * change without a summary drops the listing; and it is walked again after `maxAgeMs` anyway.
 * Health is computed from these tags and the clock at render time, so the countdown never goes
 * stale. Concurrent readers of a cold listing share one walk.
 */
export class ConnectionListing {
  private entries: Map<string, ConnectionSummary> | undefined;
  private walkedAt = 0;
  private walking: Promise<Map<string, ConnectionSummary>> | undefined;
  /** Changes heard while a walk is under way, applied on top of its (possibly older) result. */
  private heardDuringWalk: ConnectionChange[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: ConnectionListingDeps) {
    this.now = deps.now ?? Date.now;
    deps.feed.subscribe((change) => this.apply(change));
  }

  async list(): Promise<ConnectionSummary[]> {
    if (this.entries && this.now() - this.walkedAt < this.deps.maxAgeMs)
      return [...this.entries.values()];
    return [...(await this.walkOnce()).values()];
  }

  /** Forget everything; the next `list()` walks. */
  invalidate(): void {
    this.entries = undefined;
  }

  private walkOnce(): Promise<Map<string, ConnectionSummary>> {
    this.walking ??= (async () => {
      this.heardDuringWalk = [];
      const startedAt = this.now();
      try {
        const walked = new Map((await this.deps.walk()).map((s) => [s.tenantId, s]));
        const heard = this.heardDuringWalk;
        this.heardDuringWalk = [];
        this.entries = walked;
        this.walkedAt = startedAt;
        for (const change of heard) this.patch(change);
        // A change known only by name happened during the walk: keep this result for this
        // caller, but make the next one walk again.
        if (heard.some((c) => c.summary === undefined)) this.entries = undefined;
        return walked;
      } finally {
        this.walking = undefined;
      }
    })();
    return this.walking;
  }

  private apply(change: ConnectionChange): void {
    if (this.walking) this.heardDuringWalk.push(change);
    this.patch(change);
  }

  private patch(change: ConnectionChange): void {
    if (!this.entries) return;
    const key = change.tenantId.toLowerCase();
    if (change.summary === undefined) this.entries = undefined;
    else if (change.summary === null) this.entries.delete(key);
    else this.entries.set(key, change.summary);
  }
}
