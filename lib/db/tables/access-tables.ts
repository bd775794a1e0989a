import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** lib/access's rows (migration 202611300200_access_customers), behind row-level security. */
export interface AccessCustomersTable {
  partner_tenant_id: string;
  customer_tenant_id: string;
  name: Generated<string>;
  domain: string | null;
  in_directory: boolean;
  access: string;
  relationships: ColumnType<unknown, string, string>;
  end_date: NullableTimestamp;
  auto_extend: Generated<boolean>;
  global_admin: Generated<boolean>;
  consent: Generated<string>;
  missing_scopes: ColumnType<string[], string[] | undefined, string[]>;
  last_error_code: string | null;
  last_error_title: string | null;
  last_error_fix: string | null;
  last_error_at: NullableTimestamp;
  consent_lost_at: NullableTimestamp;
  /** When the GDAP entered the expiry window, as the sync saw it (migration 202611300710). */
  expiry_window_at: NullableTimestamp;
  checked_at: NullableTimestamp;
  next_check_at: NullableTimestamp;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AccessSyncStateTable {
  partner_tenant_id: string;
  status: Generated<string>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  last_full_pass_at: NullableTimestamp;
  baseline_at: NullableTimestamp;
  last_digest_at: NullableTimestamp;
  relationships_at: NullableTimestamp;
  relationship_count: Generated<number>;
  relationships_empty: Generated<boolean>;
  checked_in_run: Generated<number>;
  due_at_start: Generated<number>;
  error_code: string | null;
  error_title: string | null;
  error_fix: string | null;
  error_at: NullableTimestamp;
  grant_status: Generated<string>;
  grant_total: Generated<number>;
  grant_done: Generated<number>;
  grant_failed: Generated<number>;
  grant_started_at: NullableTimestamp;
  grant_finished_at: NullableTimestamp;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AccessTables {
  access_customers: AccessCustomersTable;
  access_sync_state: AccessSyncStateTable;
}

export type { Timestamp };
