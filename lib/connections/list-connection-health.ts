import 'server-only';
import type { SessionUser } from '@/lib/auth';
import {
  assertCanSeeConnections,
  assertCanView,
  canViewConnection,
  connectionNotFound,
} from './connection-access';
import type { ConnectionHealth } from './connection-health';
import { listAllConnectionHealth } from './list-all-connection-health';
import { readConnectionHealth } from './read-connection-health';

/**
 * The connections `user` may see: all of them for an operator (from secret properties only; no
 * refresh token is read), the user's own tenant for a partner admin.
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
  return (await listAllConnectionHealth(now)).filter((h) => canViewConnection(user, h.tenantId));
}

/** One connection's health for `user`; 404 when they may not see it or it does not exist. */
export async function getConnectionHealth(
  user: SessionUser,
  tenantId: string,
  now = Date.now(),
): Promise<ConnectionHealth> {
  assertCanView(user, tenantId);
  const health = await readConnectionHealth(tenantId, now);
  if (!health) throw connectionNotFound();
  return health;
}
