import type { ConnectionHealth } from '@/lib/connections/connection-health';
import { DateTime } from './date-time';
import { LinkedText } from './linked-text';

export const STATUS_LABEL: Record<ConnectionHealth['status'], { text: string; className: string }> =
  {
    healthy: { text: 'Healthy', className: 'status-ok' },
    expiring: { text: 'Expiring', className: 'status-warn' },
    expired: { text: 'Expired', className: 'status-bad' },
    revoked: { text: 'Revoked', className: 'status-bad' },
    mfa_missing: { text: 'MFA missing', className: 'status-bad' },
    error: { text: 'Error', className: 'status-warn' },
  };

export const MFA_LABEL: Record<ConnectionHealth['mfa'], string> = {
  confirmed: 'Confirmed (mfa in the token’s amr)',
  missing: 'Missing',
  unknown: 'Unknown (stored by another tool)',
};

/** One connection's health: status, who and when, rotation, the 90-day countdown, the last error. */
export function HealthDetails({ health }: { health: ConnectionHealth }) {
  const label = STATUS_LABEL[health.status];
  return (
    <div
      data-testid="connection-health"
      data-tenant-id={health.tenantId}
      data-status={health.status}
    >
      <p>
        Status:{' '}
        <strong className={label.className} data-testid="health-status">
          {label.text}
        </strong>
      </p>
      <table>
        <tbody>
          <tr>
            <th>Tenant id</th>
            <td>
              <code>{health.tenantId}</code>
            </td>
          </tr>
          <tr>
            <th>MFA</th>
            <td data-testid="health-mfa">{MFA_LABEL[health.mfa]}</td>
          </tr>
          <tr>
            <th>Connected by</th>
            <td>
              {health.connectedBy.upn || '—'}{' '}
              <span className="muted">({health.connectedBy.oid || 'unknown'})</span>
            </td>
          </tr>
          <tr>
            <th>Connected at</th>
            <td>
              <DateTime iso={health.connectedAt} />
            </td>
          </tr>
          <tr>
            <th>Last rotation</th>
            <td>
              <DateTime iso={health.rotatedAt} />
            </td>
          </tr>
          <tr>
            <th>Last successful redemption</th>
            <td>
              <DateTime iso={health.lastRedeemedAt} />
            </td>
          </tr>
          <tr>
            <th>Days left before the 90-day inactivity limit</th>
            <td data-testid="health-days-left">
              {health.daysLeft}{' '}
              <span className="muted">
                (until <DateTime iso={health.inactivityDeadline} />)
              </span>
            </td>
          </tr>
        </tbody>
      </table>
      {health.advice && (
        <div className="card" data-testid="health-advice">
          <p>
            <strong>{health.advice.title}</strong> <code>{health.advice.code}</code>
          </p>
          <p>
            <LinkedText text={health.advice.cause} />
          </p>
          <p>
            <strong>Fix:</strong> <LinkedText text={health.advice.fix} />
          </p>
        </div>
      )}
      {health.permissionNeeded && (
        <div className="card" data-testid="health-permission-needed">
          <p>
            <strong>{health.permissionNeeded.advice.title}</strong>{' '}
            <code>{health.permissionNeeded.advice.code}</code>
          </p>
          <p>
            <LinkedText text={health.permissionNeeded.advice.cause} />
          </p>
          <p>
            <strong>Fix:</strong> <LinkedText text={health.permissionNeeded.advice.fix} />
          </p>
        </div>
      )}
      {health.lastError && (
        <p className="muted" data-testid="health-last-error">
          Last error: <code>{health.lastError.code}</code> at <DateTime iso={health.lastError.at} />
          : {health.lastError.advice.title}
        </p>
      )}
    </div>
  );
}
