import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import { getConnectionListing } from '@/lib/vault';
import { computeHealth } from './compute-health';
import {
  assertCanSeeConnections,
  assertCanView,
  canViewConnection,
  connectionNotFound,
} from './connection-access';
import type { ConnectionHealth } from './connection-health';

const byName = new Intl.Collator('en');
import { readConnectionHealth } from './read-connection-health';

/**
 * The connections `user` may see: all of them for an operator (from the cached listing of
 * secret properties: no refresh token is read, and no Key Vault page walk per request), the
 * user's own tenant for a partner admin. By organization name.
 */
export async function listConnectionHealth(
  user: SessionUser,
  now = Date.now(),
): Promise<ConnectionHealth[]> {
  assertCanSeeConnections(user);
  if (!user.isOperator) {
    const own = await readConnectionHealth(user.tid, now);
    return own ? [own] : [];
  }
  const listed = await getConnectionListing().list();
  return listed
    .filter((c) => canViewConnection(user, c.tenantId))
    .map((c) => computeHealth(c, now))
    .sort((a, b) => byName.compare(a.orgName ?? a.tenantId, b.orgName ?? b.tenantId));
}

/** One connection's health for `user`; 404 when they may not see it or it does not exist. */
export async function getConnectionHealth(
  user: SessionUser,
  tenantId: TenantId,
  now = Date.now(),
): Promise<ConnectionHealth> {
  assertCanView(user, tenantId);
  const health = await readConnectionHealth(tenantId, now);
  if (!health) throw connectionNotFound();
  return health;
}
