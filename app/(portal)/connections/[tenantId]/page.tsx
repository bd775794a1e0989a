import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HealthDetails } from '@/app/_components/health-details';
import { canAdministerTenant } from '@/lib/auth';
import { requireUser } from '@/lib/next';
import {
  canDisconnect,
  createActionToken,
  getConnectionHealth,
  tenantIdFromParam,
} from '@/lib/connections';
import { isAppError } from '@/lib/errors/app-error';
import { readKeepaliveStatus } from '@/lib/keepalive/keepalive-status';
import { ConnectionActions } from '../_components/connection-actions';
import { KeepaliveStatus } from '../_components/keepalive-status';

export const metadata: Metadata = { title: 'Connection · Partner Portal' };

/**
 * One connection's full health card and the actions this user may take on it. Another partner's
 * tenant, an unknown id and a malformed one all look the same: not found.
 */
export default async function ConnectionPage({
  params,
}: {
  params: Promise<{ tenantId: string }>;
}) {
  const param = (await params).tenantId;
  const user = await requireUser(`/connections/${encodeURIComponent(param)}`);
  const health = await (async () => getConnectionHealth(user, tenantIdFromParam(param)))().catch(
    (e: unknown) => (isAppError(e) ? null : Promise.reject(e)),
  );
  if (!health) notFound();
  // The database being down hides only the keep-alive line, never the card.
  const keepalive = await readKeepaliveStatus([health.tenantId]).catch((e: unknown) =>
    isAppError(e) ? e.code : 'unexpected_error',
  );
  return (
    <main>
      <p>
        <Link href="/connections">← All connections</Link>
      </p>
      <h1 data-testid="connection-title">{health.orgName ?? health.tenantId}</h1>
      <section className="card">
        <HealthDetails health={health} />
        <KeepaliveStatus
          {...(typeof keepalive === 'string'
            ? { error: keepalive }
            : { nextRunAt: keepalive.nextRunAt, last: keepalive.last[health.tenantId] })}
        />
        {canAdministerTenant(user, health.tenantId) ? (
          <ConnectionActions
            tenantId={health.tenantId}
            checkToken={createActionToken(user, health.tenantId, 'check')}
          />
        ) : (
          canDisconnect(user, health.tenantId) && (
            // The operator's kill switch: disconnect a (compromised) partner's connection.
            <p className="actions">
              <Link
                className="button secondary"
                href={`/connections/${health.tenantId}/disconnect`}
                data-testid="operator-disconnect"
              >
                Disconnect this partner…
              </Link>
            </p>
          )
        )}
      </section>
    </main>
  );
}
