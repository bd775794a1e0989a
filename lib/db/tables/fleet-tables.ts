import type { ColumnType } from 'kysely';

/** Milliseconds since the epoch (bigint, which pg returns as a string). */
type Millis = ColumnType<string, number | string, number | string>;

/**
 * lib/fleet's tables (migrations 202611300430_fleet_coordination and
 * 202611300431_fleet_customer_directory). lib/fleet queries them with
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
    /** The dead grant's code for `needs_reconnect` (e.g. AADSTS50173); null otherwise. */
    reason_code: string | null;
  };
  /**
   * The shared customer directory: one row per (partner tenant, customer tenant), both lower-case
   * GUIDs as text. Rows of a load in progress carry its generation; a complete load deletes the
   * rows of older generations. Always filter by partner_tenant_id.
   */
  customer_directory: {
    partner_tenant_id: string;
    customer_tenant_id: string;
    company_name: string;
    domain: string;
    relationship: string;
    generation: ColumnType<string, number | string, number | string>;
    seq: ColumnType<string, never, never>;
  };
  customer_directory_sync: {
    partner_tenant_id: string;
    generation: ColumnType<string, number | string, number | string>;
    status: 'loading' | 'complete' | 'error';
    pages: number;
    loaded: number;
    started_at: Millis;
    completed_at: ColumnType<string | null, number | string | null, number | string | null>;
    error_code: string | null;
    error_message: string | null;
  };
}
