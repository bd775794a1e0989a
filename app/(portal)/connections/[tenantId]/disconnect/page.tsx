import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createActionToken, getConnectionHealth } from '@/lib/connections';
import { assertCanDisconnect, tenantIdFromParam } from '@/lib/connections/connection-access';
import { getConfig } from '@/lib/config';
import { isAppError } from '@/lib/errors/app-error';
import { requireUser } from '@/lib/next';

export const metadata: Metadata = { title: 'Disconnect · Partner Portal' };

/**
 * The confirmation step before a disconnect, for the tenant's admin or an operator (the kill
 * switch). It says what the disconnect leaves behind, and offers deleting permanently. The form
 * posts with a CSRF token bound to this user, session and tenant.
 */
export default async function DisconnectPage({
  params,
}: {
  params: Promise<{ tenantId: string }>;
}) {
  const param = (await params).tenantId;
  const user = await requireUser(`/connections/${encodeURIComponent(param)}/disconnect`);
  const health = await (async () => {
    const tenantId = tenantIdFromParam(param);
    assertCanDisconnect(user, tenantId);
    return getConnectionHealth(user, tenantId);
  })().catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e)));
  if (!health) notFound();
  const killSwitch = user.isOperator && user.tid !== health.tenantId;
  const clientId = getConfig().ENTRA_CLIENT_ID;
  return (
    <main>
      <h1>Disconnect {health.orgName ?? health.tenantId}?</h1>
      {killSwitch && (
        <p className="card status-bad" data-testid="kill-switch">
          You are disconnecting another partner as a portal operator. Use it for a compromised
          partner: their staff lose access at once, and only their admin can connect again.
        </p>
      )}
      <div className="card">
        <h2>What the portal deletes</h2>
        <p>
          The stored refresh token for tenant <code>{health.tenantId}</code> in Key Vault: soft
          deleted, so an operator can recover it for the vault&apos;s retention period (90 days by
          default). Staff of this tenant lose access to the dashboard at once, and the cached
          customer list is dropped.
        </p>
        <h2>What stays behind</h2>
        <p data-testid="left-behind">
          The portal app&apos;s consent stays in the partner&apos;s Entra tenant: the app remains
          listed under Enterprise applications with the permissions that were granted, and any
          refresh token Entra issued stays valid until it expires or is revoked. A Global
          Administrator of that tenant removes it in the{' '}
          <a
            href={`https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/appId/${clientId}`}
            rel="noreferrer"
          >
            Microsoft Entra admin center (Enterprise applications → the portal app → Properties →
            Delete)
          </a>
          , or revokes its permissions on the app&apos;s Permissions page.
        </p>
        <form method="post" action={`/api/connections/${health.tenantId}/disconnect`}>
          <input
            type="hidden"
            name="csrfToken"
            value={createActionToken(user, health.tenantId, 'disconnect')}
          />
          <p>
            <label>
              <input type="checkbox" name="purge" value="yes" data-testid="purge" /> Also delete
              permanently (purge): the token and its history cannot be recovered. Only where the
              vault allows it (no purge protection, and the portal holds the purge permission);
              otherwise it stays soft-deleted and the page says so.
            </label>
          </p>
          <label>
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              required
              data-testid="confirm-disconnect"
            />{' '}
            I understand; disconnect this tenant.
          </label>
          <p>
            <button className="button" type="submit" data-testid="disconnect-submit">
              Disconnect
            </button>{' '}
            <Link className="button secondary" href="/connections">
              Cancel
            </Link>
          </p>
        </form>
      </div>
    </main>
  );
}
