import type { ColumnType } from 'kysely';

/** Milliseconds since the epoch (bigint, which pg returns as a string). */
type Millis = ColumnType<string, number | string, number | string>;

/**
 * lib/fleet's tables (migration 202611300430_fleet_coordination). lib/fleet queries them with
 * plain SQL on lib/db's pool; the types are here so other concerns can read them with Kysely.
 */
export interface FleetTables {
  fleet_access_tokens: {
    cache_key: string;
    key_id: string;
    sealed: Buffer;
    expires_at: Millis;
    stale_at: Millis;
  };
  fleet_connect_states: { state_hash: string; expires_at: Millis };
  fleet_budgets: {
    scope: string;
    window_start: Millis;
    used: number;
    previous_used: number;
    blocked_until: Millis;
    strikes: number;
    last_strike_at: Millis;
  };
  fleet_tenant_state: {
    partner_tenant_id: string;
    status: 'connected' | 'disconnected' | 'needs_reconnect';
    generation: ColumnType<string, number | string, number | string>;
    changed_at: Millis;
  };
}
