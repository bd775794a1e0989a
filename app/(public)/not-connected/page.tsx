import type { Metadata } from 'next';
import Link from 'next/link';
import { getSessionUser } from '@/lib/next';
import { parseTenantId } from '@/lib/ids/tenant-id';

export const metadata: Metadata = { title: 'Not connected · Partner Portal' };

/**
 * Where a user of a tenant without a connection lands. The query only says which tenant and
 * whether to offer the connect link, so nothing on this page can be used against anyone.
 */
export default async function NotConnectedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const user = await getSessionUser();
  const tenant = user?.tid ?? parseTenantId(params.tenant);
  const isAdmin = user ? user.isPartnerAdmin : params.admin === '1';
  const homeTenant = params.reason === 'home_tenant_not_operator';

  return (
    <main>
      <h1>{homeTenant ? 'No access' : 'Your organization is not connected'}</h1>
      <div className="card" data-testid="not-connected">
        {homeTenant ? (
          <p>
            Your account belongs to the portal owner&apos;s tenant but does not hold the
            Portal.Operator role.
          </p>
        ) : (
          <p>
            {tenant ? (
              <>
                Your organization (tenant <code data-testid="not-connected-tenant">{tenant}</code>)
              </>
            ) : (
              'Your organization'
            )}{' '}
            has not connected its Partner Center account to this portal, so there are no customers
            to show.
          </p>
        )}
        {!homeTenant &&
          (isAdmin ? (
            <p>
              As an administrator you can connect it now. You will sign in with multi-factor
              authentication and consent once.{' '}
              <Link className="button" href="/connect" data-testid="connect-link">
                Connect your organization
              </Link>
            </p>
          ) : (
            <p className="muted">Ask a Global Administrator of your organization to connect it.</p>
          ))}
        <p>
          <Link href="/">Back to the start page</Link>
        </p>
      </div>
    </main>
  );
}
