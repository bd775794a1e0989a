import type { TenantId } from '@/lib/ids/tenant-id';
import type { SqlPool } from './sql-pool';

export type TenantStatus = 'connected' | 'disconnected' | 'needs_reconnect';

export interface TenantState {
  status: TenantStatus;
  /** Bumped by every connect, disconnect and dead grant, on any instance. */
  generation: number;
  /** Why a `needs_reconnect` tenant needs it: the dead grant's code, for the advice shown. */
  reasonCode?: string;
}

/**
 * Per partner tenant, whether its connection may serve data, shared by the fleet in
 * `fleet_tenant_state`. Connect, disconnect and a dead grant write it (under the tenant's lock);
 * every customer-data request checks it (a primary-key lookup, or the row as last read while the
 * fleet's change feed is live: lib/fleet/fleet-change-feed.ts), so a disconnect on one instance
 * is refused on every other at once, and a new generation tells each instance to drop what it
 * holds from the old grant. A tenant with no row (connected before this table existed) is served
 * as Key Vault says.
 */
export class TenantStates {
  constructor(
    private readonly pool: SqlPool,
    private readonly now: () => number = Date.now,
    /** Told of each change this process commits: its readers drop the row before the NOTIFY. */
    private readonly onRecorded?: (tenantId: TenantId) => void,
  ) {}

  async read(tenantId: TenantId): Promise<TenantState | undefined> {
    const { rows } = await this.pool.query<{
      status: TenantStatus;
      generation: string;
      reason_code: string | null;
    }>(
      'SELECT status, generation, reason_code FROM fleet_tenant_state WHERE partner_tenant_id = $1',
      [tenantId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      status: row.status,
      generation: Number(row.generation),
      ...(row.reason_code ? { reasonCode: row.reason_code } : {}),
    };
  }

  /** Records a change and returns the new generation. */
  async record(
    tenantId: TenantId,
    status: TenantStatus,
    reasonCode?: string,
  ): Promise<TenantState> {
    const { rows } = await this.pool.query<{ generation: string }>(
      `INSERT INTO fleet_tenant_state (partner_tenant_id, status, generation, changed_at, reason_code)
       VALUES ($1, $2, 1, $3, $4)
       ON CONFLICT (partner_tenant_id) DO UPDATE
         SET status = EXCLUDED.status,
             generation = fleet_tenant_state.generation + 1,
             changed_at = EXCLUDED.changed_at,
             reason_code = EXCLUDED.reason_code
       RETURNING generation`,
      [tenantId, status, this.now(), reasonCode ?? null],
    );
    this.onRecorded?.(tenantId);
    return {
      status,
      generation: Number(rows[0]!.generation),
      ...(reasonCode ? { reasonCode } : {}),
    };
  }
}
