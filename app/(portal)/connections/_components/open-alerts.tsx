import { KIND_TITLE } from '@/lib/alerts/alert-kinds';
import type { OpenAlert } from '@/lib/alerts/list-open-alerts';

/**
 * Open alerts until they resolve: all connections' for an operator, the admin's own tenant's
 * for a partner admin (lib/alerts filters by the session). `error` is the database's error
 * state when the list could not be read.
 */
export function OpenAlerts({
  alerts,
  names,
  error,
}: {
  alerts: OpenAlert[];
  names: Record<string, string | undefined>;
  error?: { code: string; message: string };
}) {
  if (error)
    return (
      <section className="card status-warn" data-testid="open-alerts-error">
        <h2>Alerts</h2>
        <p>
          Alerts cannot be shown right now: {error.message} <code>{error.code}</code>
        </p>
      </section>
    );
  return (
    <section className="card" data-testid="open-alerts" aria-labelledby="open-alerts-heading">
      <h2 id="open-alerts-heading">Open alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted" data-testid="no-open-alerts">
          No open alerts.
        </p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id} data-testid="open-alert" data-tenant-id={a.tenantId} data-kind={a.kind}>
              <strong className={a.kind === 'expiring' ? 'status-warn' : 'status-bad'}>
                {names[a.tenantId] ?? a.tenantId}: {KIND_TITLE[a.kind]}
              </strong>{' '}
              {a.kind === 'expiring' && a.daysLeft !== null && (
                <span>({a.daysLeft} days left) </span>
              )}
              <span className="muted">
                since <time dateTime={a.openedAt}>{new Date(a.openedAt).toUTCString()}</time>
                {!a.announced && ' (already so when the portal first looked; no message was sent)'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
