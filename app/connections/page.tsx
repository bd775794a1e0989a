import type { Metadata } from 'next';
import Link from 'next/link';
import { canAdministerTenant, requireUser } from '@/lib/auth';
import { createActionToken, listConnectionHealth, type ConnectionHealth } from '@/lib/connections';
import { isAppError } from '@/lib/errors/app-error';
import { ConnectionActions } from './_components/connection-actions';
import { ConnectionsNotice } from './_components/connections-notice';
import { HealthDetails } from './_components/health-details';

export const metadata: Metadata = { title: 'Connections · Partner Portal' };

export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/connections');
  const params = await searchParams;
  let connections: ConnectionHealth[];
  try {
    connections = await listConnectionHealth(user);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <main>
        <h1>Connections</h1>
        <p className="card status-bad" data-testid="connections-error">
          {e.message} <code>{e.code}</code>
        </p>
      </main>
    );
  }
  return (
    <main>
      <h1>Connections</h1>
      <ConnectionsNotice params={params} />
      {connections.length === 0 && (
        <div className="card" data-testid="no-connections">
          <p>
            {user.isOperator
              ? 'No partner tenant is connected.'
              : 'Your organization is not connected.'}
          </p>
          {user.isPartnerAdmin && (
            <Link className="button" href="/connect">
              Connect
            </Link>
          )}
        </div>
      )}
      {connections.map((health) => (
        <section className="card" key={health.tenantId}>
          <h2>{health.orgName ?? health.tenantId}</h2>
          <HealthDetails health={health} />
          {canAdministerTenant(user, health.tenantId) && (
            <ConnectionActions
              tenantId={health.tenantId}
              checkToken={createActionToken(user, health.tenantId, 'check')}
            />
          )}
        </section>
      ))}
    </main>
  );
}
