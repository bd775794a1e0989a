import type { TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { canAdministerTenant, type SessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors/app-error';
import { readKeepaliveStatus, type KeepaliveStatus } from '@/lib/keepalive/keepalive-status';
import { listOpenAlerts, type OpenAlert } from './list-open-alerts';
import { getTenantWebhookSummary, type TenantWebhookSummary } from './tenant-webhook-store';

type Failure = { code: string; message: string };

export interface AlertsPageData {
  alerts: OpenAlert[] | Failure;
  keepalive: KeepaliveStatus | Failure;
  /** The webhook of each tenant the user administers (their own), by tenant id. */
  webhooks: Record<string, TenantWebhookSummary | null | Failure>;
}

/**
 * What the Connections page shows beside each connection's health: open alerts, keep-alive
 * status, and the admin's own webhook. Each part fails on its own into an error state (the
 * database or Key Vault being down hides that part, never the page).
 */
export async function loadAlertsPageData(
  user: SessionUser,
  tenantIds: readonly TenantId[],
): Promise<AlertsPageData> {
  const own = tenantIds.filter((t) => canAdministerTenant(user, t));
  const [alerts, keepalive, ...webhooks] = await Promise.all([
    settle(listOpenAlerts(user)),
    settle(readKeepaliveStatus(tenantIds)),
    ...own.map((t) => settle(getTenantWebhookSummary(t))),
  ]);
  return {
    alerts: alerts as OpenAlert[] | Failure,
    keepalive: keepalive as KeepaliveStatus | Failure,
    webhooks: Object.fromEntries(
      own.map((t, i) => [t, webhooks[i] as TenantWebhookSummary | null | Failure]),
    ),
  };
}

export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !('id' in v);
}

async function settle<T>(p: Promise<T>): Promise<T | Failure> {
  try {
    return await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    return { code: 'unexpected_error', message: 'This part of the page could not be loaded.' };
  }
}
