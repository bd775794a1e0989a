import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { RESULT_COOKIE } from '@/lib/connect/connect-cookies';
import { readConnectResult } from '@/lib/connect/connect-result';
import { readConnectionHealth } from '@/lib/connections/read-connection-health';
import { getConfig } from '@/lib/config';
import { isAppError } from '@/lib/errors/app-error';
import { DateTime } from '@/app/_components/date-time';
import { HealthDetails } from '@/app/_components/health-details';

export const metadata: Metadata = { title: 'Connected · Partner Portal' };

/**
 * Shows this browser's last connection, read from the sealed HttpOnly result cookie the callback
 * set; the URL carries nothing, so it cannot be shared to reveal anyone's connection.
 */
export default async function ConnectSuccessPage() {
  const result = await readConnectResult((await cookies()).get(RESULT_COOKIE)?.value);
  if (!result) {
    return (
      <main>
        <h1>No recent connection</h1>
        <p>This browser has not completed a connection in the last 10 minutes.</p>
        <Link className="button" href="/connect">
          Connect a partner tenant
        </Link>
      </main>
    );
  }
  const health = await readConnectionHealth(result.tenantId).catch((e: unknown) =>
    isAppError(e) ? null : Promise.reject(e),
  );
  return (
    <main>
      <h1 data-testid="connect-success">Connected: {result.orgName}</h1>
      <div className="card">
        <table>
          <tbody>
            <tr>
              <th>Organization</th>
              <td data-testid="connected-org">{result.orgName}</td>
            </tr>
            <tr>
              <th>Tenant id</th>
              <td>
                <code data-testid="connected-tenant">{result.tenantId}</code>
              </td>
            </tr>
            <tr>
              <th>Connected by</th>
              <td data-testid="connected-by">
                {result.connectedByName ? `${result.connectedByName} · ` : ''}
                {result.connectedByUpn}
              </td>
            </tr>
            <tr>
              <th>When</th>
              <td>
                <DateTime iso={result.connectedAt} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>Connection health</h2>
        {health ? (
          <HealthDetails health={health} />
        ) : (
          <p className="muted">Health could not be read from Key Vault just now.</p>
        )}
      </div>
      <div className="card" data-testid="staff-consent">
        <h2>Can your staff sign in?</h2>
        <p>
          Staff sign in with only what this consent covers (their identity; no e-mail address). If
          on the consent screen you ticked <strong>Consent on behalf of your organization</strong>,
          they sign in without further questions.
        </p>
        <p>
          If you consented <strong>only for yourself</strong>, each staff member will be asked to
          consent when they first sign in, and in tenants where users may not consent to apps (user
          consent turned off) they are blocked with &ldquo;Need admin approval&rdquo;. To fix it, a
          Global Administrator grants consent for the whole organization: in the{' '}
          <a
            href={`https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Permissions/appId/${getConfig().ENTRA_CLIENT_ID}`}
            rel="noreferrer"
          >
            Microsoft Entra admin center, the portal app&apos;s Permissions page
          </a>
          , choose <strong>Grant admin consent for your organization</strong>, or connect again and
          tick the box.
        </p>
      </div>
      <Link className="button" href="/connections">
        Manage connections
      </Link>{' '}
      <Link className="button secondary" href="/dashboard">
        Open the dashboard
      </Link>
    </main>
  );
}
