import type { ColumnType, Generated } from 'kysely';

/** lib/activity's append-only log (migration 202611300130_db_activity_log). */
export interface ActivityLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  kind: string;
  result: string;
  /** The partner tenant the event is about; null for refusals before any verified identity. */
  partner_tenant_id: string | null;
  /** Who: a signed-in user, a scheduled job, the console, the portal itself (a request's write-behind), or `anonymous`. */
  actor_type: string;
  actor_upn: string | null;
  actor_oid: string | null;
  actor_tenant_id: string | null;
  error_code: string | null;
  correlation_id: string | null;
  /** `partner`: any admin of the partner and operators; `customer`: that partner's admins only. */
  audience: string;
  /** Added by 202611300200_access_customers: the customer of a consent grant, and the account used. */
  customer_tenant_id: string | null;
  via_upn: string | null;
}

export interface ActivityTables {
  activity_log: ActivityLogTable;
}
