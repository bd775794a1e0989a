import 'server-only';
import { getConfig } from '@/lib/config';
import { withDatabase } from '@/lib/db';
import { nextRunAt } from '@/lib/jobs';
import type { KeepaliveOutcome } from './keep-alive-connection';

export interface LastKeepalive {
  outcome: KeepaliveOutcome;
  errorCode: string | null;
  at: string;
  trigger: 'job' | 'console';
}

export interface KeepaliveStatus {
  /** When the keep-alive job runs next (from KEEPALIVE_SCHEDULE). */
  nextRunAt: string;
  /** The last keep-alive result per tenant id (lower case) among the ones asked for. */
  last: Record<string, LastKeepalive>;
}

/**
 * What the health card shows about keep-alive. No caller check: the page asks only for the
 * tenants whose health it already may show.
 */
export async function readKeepaliveStatus(tenantIds: readonly string[]): Promise<KeepaliveStatus> {
  const ids = tenantIds.map((t) => t.toLowerCase());
  const rows = ids.length
    ? await withDatabase((db) =>
        db
          .selectFrom('keepalive_result')
          .selectAll()
          .where('partner_tenant_id', 'in', ids)
          .execute(),
      )
    : [];
  return {
    nextRunAt: nextRunAt(getConfig().KEEPALIVE_SCHEDULE).toISOString(),
    last: Object.fromEntries(
      rows.map((r) => [
        r.partner_tenant_id,
        {
          outcome: r.outcome as KeepaliveOutcome,
          errorCode: r.error_code,
          at: new Date(r.at).toISOString(),
          trigger: r.trigger as 'job' | 'console',
        },
      ]),
    ),
  };
}
