import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** lib/alerts' tables (migration 202611300140_alerts_state). */
export interface AlertsConnectionStateTable {
  partner_tenant_id: string;
  /** The alert kind the connection was last in; null when it needed nobody. */
  condition: string | null;
  health_status: string;
  days_left: number;
  consecutive_failures: Generated<number>;
  observed_at: Timestamp;
}

export interface AlertsAlertTable {
  id: Generated<string>;
  partner_tenant_id: string;
  kind: string;
  opened_at: Timestamp;
  resolved_at: Date | string | null;
  resolution: string | null;
  announced: boolean;
  days_left: number | null;
  advice_code: string | null;
}

export interface AlertsDeliveryTable {
  id: Generated<string>;
  alert_id: string | null;
  partner_tenant_id: string;
  event: string;
  target: string;
  format: string;
  status: string;
  attempts: Generated<number>;
  last_http_status: number | null;
  last_error_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  delivered_at: Date | string | null;
}

export interface AlertsTables {
  alerts_connection_state: AlertsConnectionStateTable;
  alerts_alert: AlertsAlertTable;
  alerts_delivery: AlertsDeliveryTable;
}
