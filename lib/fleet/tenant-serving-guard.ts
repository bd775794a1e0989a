import { adviceForCode } from '@/lib/entra/aadsts-advice';
import { CoalescedRead } from './coalesced-read';
import { ConnectionError } from '@/lib/tokens/connection-error';
import { noteDatabaseDown, noteDatabaseUp } from './database-health';
import { isDatabaseUnavailable } from './sql-pool';
import type { TenantState } from './tenant-states';
import type { TenantId } from '@/lib/ids/tenant-id';

export interface TenantServingGuardDeps {
  read(tenantId: TenantId): Promise<TenantState | undefined>;
  /** The tenant's grant changed on some instance: drop what this process holds from the old one. */
  onNewGeneration(tenantId: TenantId): Promise<void> | void;
}

/**
 * The per-request check on every customer-data path: a primary-key read of the tenant's shared
 * state, started after the request arrived (concurrent requests of one tenant share such a read,
 * see CoalescedRead: these reads were 5% of the warm dashboard's CPU profile in the bench). A
 * tenant disconnected, or whose grant died, on any instance is refused here at once; a new
 * generation (a reconnect elsewhere) first drops this process's tokens and lists of the old grant.
 * While the database is unreachable the last state this process saw stands (degraded, reads
 * only), and the database health note drives the banner.
 */
export class TenantServingGuard {
  private readonly known = new Map<TenantId, TenantState>();
  private readonly reads: CoalescedRead<TenantId, TenantState | undefined>;

  constructor(private readonly deps: TenantServingGuardDeps) {
    this.reads = new CoalescedRead((tenantId) => deps.read(tenantId));
  }

  async assertServing(tenantId: TenantId): Promise<void> {
    const key = tenantId;
    let state: TenantState | undefined;
    try {
      state = await this.reads.read(key);
      noteDatabaseUp();
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      noteDatabaseDown();
      state = this.known.get(key);
    }
    if (!state) return;
    const previous = this.known.get(key);
    this.known.set(key, state);
    if (previous && previous.generation !== state.generation) await this.deps.onNewGeneration(key);
    if (state.status === 'disconnected') throw new ConnectionError('connection_missing', key);
    if (state.status === 'needs_reconnect')
      throw new ConnectionError(
        'connection_needs_reconnect',
        key,
        state.reasonCode ? adviceForCode(state.reasonCode) : undefined,
      );
  }
}
