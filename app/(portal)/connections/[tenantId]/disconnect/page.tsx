import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/next';
import { createActionToken, getConnectionHealth } from '@/lib/connections';
import { assertCanAdminister, tenantIdFromParam } from '@/lib/connections/connection-access';
import { isAppError } from '@/lib/errors/app-error';

export const metadata: Metadata = { title: 'Disconnect · Partner Portal' };

/** The confirmation step before a disconnect; the form posts with a CSRF token bound to this user and tenant. */
export default async function DisconnectPage({
  params,
}: {
  params: Promise<{ tenantId: string }>;
}) {
  const param = (await params).tenantId;
  const user = await requireUser(`/connections/${encodeURIComponent(param)}/disconnect`);
  const health = await (async () => {
    const tenantId = tenantIdFromParam(param);
    assertCanAdminister(user, tenantId);
    return getConnectionHealth(user, tenantId);
  })().catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e)));
  if (!health) notFound();
  return (
    <main>
      <h1>Disconnect {health.orgName ?? health.tenantId}?</h1>
      <div className="card">
        <p>
          The portal deletes the stored refresh token for tenant <code>{health.tenantId}</code> from
          Key Vault (soft delete: an operator can recover it for 90 days). Staff of this tenant lose
          access to the dashboard until an admin connects again.
        </p>
        <form method="post" action={`/api/connections/${health.tenantId}/disconnect`}>
          <input
            type="hidden"
            name="csrfToken"
            value={createActionToken(user, health.tenantId, 'disconnect')}
          />
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
