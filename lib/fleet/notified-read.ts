import { CoalescedRead } from './coalesced-read';
import type { FleetChangeSource } from './fleet-change-feed';

/**
 * Reads of one shared table's per-tenant rows, kept in memory while the fleet's change feed is
 * live and dropped when a change to the tenant's row is announced. Without a live feed every call
 * reads (shared by concurrent callers, see CoalescedRead), as before the feed.
 *
 * A read that was running when a change was announced is returned to its caller (who asked
 * before the change was heard) but never kept; nor is one begun in another feed session, since
 * changes made while the feed was not live were never heard.
 */
export class NotifiedRead<K extends string, V> {
  private readonly reads: CoalescedRead<K, V>;
  private readonly kept = new Map<string, V>();
  private keptSession = -1;
  /** Per tenant, bumped by each announced change; '*' bumps `everyone`. */
  private readonly changes = new Map<string, number>();
  private everyone = 0;

  constructor(
    readOnce: (tenantId: K) => Promise<V>,
    private readonly feed?: FleetChangeSource,
    table?: string,
  ) {
    this.reads = new CoalescedRead(readOnce);
    if (feed && table) feed.onChange(table, (tenantId) => this.changed(tenantId));
  }

  async read(tenantId: K): Promise<V> {
    const feed = this.feed;
    if (!feed?.live) return this.reads.read(tenantId);
    if (this.keptSession !== feed.session) {
      this.kept.clear();
      this.keptSession = feed.session;
    }
    if (this.kept.has(tenantId)) return this.kept.get(tenantId)!;
    const session = feed.session;
    const mark = this.markOf(tenantId);
    const value = await this.reads.read(tenantId);
    if (feed.live && feed.session === session && this.markOf(tenantId) === mark)
      this.kept.set(tenantId, value);
    return value;
  }

  /** Forgets the tenant's row, as an announced change does (for a writer in this process). */
  changed(tenantId: string): void {
    if (tenantId === '*') {
      this.everyone++;
      this.kept.clear();
      return;
    }
    this.changes.set(tenantId, (this.changes.get(tenantId) ?? 0) + 1);
    this.kept.delete(tenantId);
  }

  private markOf(tenantId: string): string {
    return `${this.everyone}:${this.changes.get(tenantId) ?? 0}`;
  }
}
