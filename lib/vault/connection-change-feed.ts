import 'server-only';
import type { ConnectionSummary } from './refresh-token-store';

/**
 * One connection changed. `summary` is its new listing entry (null: it is gone) when the writer
 * knows it; undefined when only the fact is known (a change made by another process), and the
 * listing must then be read again from Key Vault.
 */
export interface ConnectionChange {
  tenantId: string;
  summary?: ConnectionSummary | null;
}

/**
 * How the cached connections listing hears about writes (connect, disconnect, rotation, check).
 * This process's implementation is an in-memory fan-out; a fleet-wide one (PostgreSQL
 * LISTEN/NOTIFY, say) can replace it behind this interface, delivering other instances' changes
 * without a summary.
 */
export interface ConnectionChangeFeed {
  publish(change: ConnectionChange): void;
  subscribe(listener: (change: ConnectionChange) => void): () => void;
}

export class MemoryConnectionChangeFeed implements ConnectionChangeFeed {
  private readonly listeners = new Set<(change: ConnectionChange) => void>();

  publish(change: ConnectionChange): void {
    for (const l of this.listeners) l(change);
  }

  subscribe(listener: (change: ConnectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
