/** lib/keepalive's table (migration 202611300141_keepalive_results). */
export interface KeepaliveResultTable {
  partner_tenant_id: string;
  outcome: string;
  error_code: string | null;
  days_left: number | null;
  trigger: string;
  at: Date | string;
}

export interface KeepaliveTables {
  keepalive_result: KeepaliveResultTable;
}
