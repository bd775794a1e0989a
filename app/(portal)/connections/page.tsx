import type { Metadata } from 'next';
import Link from 'next/link';
import { HealthDetails } from '@/app/_components/health-details';
import { Pager } from '@/app/_components/pager';
import { Forbidden } from '@/app/_shell/forbidden';
import { isFailure, loadAlertsPageData, type AlertsPageData } from '@/lib/alerts/alerts-page-data';
import { canAdministerTenant } from '@/lib/auth';
import { requireUser } from '@/lib/next';
import {
  connectionQueryString,
  createActionToken,
  listConnectionHealth,
  parseConnectionQuery,
  queryConnections,
  type ConnectionHealth,
} from '@/lib/connections';
import { isAppError } from '@/lib/errors/app-error';
import { ConnectionActions } from './_components/connection-actions';
import { ConnectionFilters } from './_components/connection-filters';
import { ConnectionsNotice } from './_components/connections-notice';
import { ConnectionsTable } from './_components/connections-table';
import { KeepaliveStatus } from './_components/keepalive-status';
import { OpenAlerts } from './_components/open-alerts';
import { WebhookSettings } from './_components/webhook-settings';

export const metadata: Metadata = { title: 'Connections · Partner Portal' };

/**
 * Operators get a table of every connection (sort, status filter, search and page all in the
 * URL); a partner admin gets their own connection's health card and actions; staff are told
 * what they can use instead.
 */
export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = parseConnectionQuery(params);
  const user = await requireUser(`/connections${connectionQueryString(query)}`);
  let connections: ConnectionHealth[];
  try {
    connections = await listConnectionHealth(user);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.status === 403)
      return <Forbidden user={user} title="Connections" message={e.message} code={e.code} />;
    return (
      <main>
        <h1>Connections</h1>
        <p className="card status-bad" data-testid="connections-error">
          {e.message} <code>{e.code}</code>
        </p>
      </main>
    );
  }

  const extras = await loadAlertsPageData(
    user,
    user.isOperator ? [] : connections.map((c) => c.tenantId),
  );
  const alerts = (
    <OpenAlerts
      alerts={isFailure(extras.alerts) ? [] : extras.alerts}
      error={isFailure(extras.alerts) ? extras.alerts : undefined}
      names={Object.fromEntries(connections.map((c) => [c.tenantId, c.orgName]))}
    />
  );

  if (user.isOperator) {
    const page = queryConnections(connections, query);
    return (
      <main>
        <h1>Connections</h1>
        <ConnectionsNotice params={params} />
        {alerts}
        <ConnectionFilters page={page} />
        <p data-testid="connections-total">
          <strong>{page.total}</strong> {page.total === 1 ? 'connection' : 'connections'}
          {page.query.q || page.query.status ? ' match' : ''}
        </p>
        {page.total === 0 ? (
          <p className="card" data-testid="no-connections">
            {connections.length === 0
              ? 'No partner tenant is connected.'
              : 'No connection matches this search.'}
          </p>
        ) : (
          <ConnectionsTable rows={page.rows} query={page.query} total={page.total} />
        )}
        <Pager
          page={page.query.page}
          pageCount={page.pageCount}
          href={(n) => `/connections${connectionQueryString(page.query, { page: n })}`}
        />
      </main>
    );
  }

  return (
    <main>
      <h1>Connections</h1>
      <ConnectionsNotice params={params} />
      {alerts}
      {connections.length === 0 && (
        <div className="card" data-testid="no-connections">
          <p>Your organization is not connected.</p>
          <Link className="button" href="/connect">
            Connect
          </Link>
        </div>
      )}
      {connections.map((health) => (
        <section className="card" key={health.tenantId}>
          <h2>{health.orgName ?? health.tenantId}</h2>
          <HealthDetails health={health} />
          <KeepaliveStatus {...keepaliveOf(extras, health.tenantId)} />
          {canAdministerTenant(user, health.tenantId) && (
            <>
              <ConnectionActions
                tenantId={health.tenantId}
                checkToken={createActionToken(user, health.tenantId, 'check')}
              />
              <WebhookSettings
                tenantId={health.tenantId}
                summary={webhookOf(extras, health.tenantId)}
                notice={typeof params.webhook === 'string' ? params.webhook : undefined}
                tokens={{
                  save: createActionToken(user, health.tenantId, 'webhook-save'),
                  remove: createActionToken(user, health.tenantId, 'webhook-remove'),
                  test: createActionToken(user, health.tenantId, 'webhook-test'),
                }}
              />
            </>
          )}
        </section>
      ))}
    </main>
  );
}

function keepaliveOf(extras: AlertsPageData, tenantId: string) {
  const k = extras.keepalive;
  return isFailure(k) ? { error: k.code } : { nextRunAt: k.nextRunAt, last: k.last[tenantId] };
}

function webhookOf(extras: AlertsPageData, tenantId: string) {
  const w = extras.webhooks[tenantId];
  return w && !isFailure(w) ? w : null;
}
