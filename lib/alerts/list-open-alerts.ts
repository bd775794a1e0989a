import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { assertCanSeeConnections } from '@/lib/connections/connection-access';
import { withDatabase } from '@/lib/db';
import { isAlertKind, type AlertKind } from './alert-kinds';

export interface OpenAlert {
  id: string;
  tenantId: string;
  kind: AlertKind;
  openedAt: string;
  /** False when it was already the state when the portal first looked (never announced). */
  announced: boolean;
  daysLeft: number | null;
}

/**
 * Open alerts, newest first: every connection's for an operator, the admin's own tenant's for a
 * partner admin (the tenant comes from the session, never from the request).
 */
export async function listOpenAlerts(user: SessionUser): Promise<OpenAlert[]> {
  assertCanSeeConnections(user);
  return withDatabase(async (db) => {
    let q = db
      .selectFrom('alerts_alert')
      .select(['id', 'partner_tenant_id', 'kind', 'opened_at', 'announced', 'days_left'])
      .where('resolved_at', 'is', null)
      .orderBy('opened_at', 'desc')
      .limit(500);
    if (!user.isOperator) q = q.where('partner_tenant_id', '=', user.tid.toLowerCase());
    const rows = await q.execute();
    return rows.flatMap((r) =>
      isAlertKind(r.kind)
        ? [
            {
              id: r.id,
              tenantId: r.partner_tenant_id,
              kind: r.kind,
              openedAt: new Date(r.opened_at).toISOString(),
              announced: r.announced,
              daysLeft: r.days_left,
            },
          ]
        : [],
    );
  });
}
