import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import { log } from '@/lib/log';
import { connectionLost, getTokenBroker } from '@/lib/tokens';
import { getRefreshTokenStore } from '@/lib/vault';
import { assertCanAdminister } from './connection-access';

/**
 * Disconnects a partner tenant: the secret is marked and soft-deleted (recoverable, history
 * kept, and a later reconnect just works). Emits an audit event naming who did it.
 */
export async function disconnectConnection(user: SessionUser, tenantId: TenantId): Promise<void> {
  assertCanAdminister(user, tenantId);
  await getRefreshTokenStore().disconnect(tenantId, { oid: user.oid });
  // Access tokens cached from the old grant, and the customer list read with them, must not
  // outlive the connection.
  await getTokenBroker().forget(tenantId);
  connectionLost(tenantId);
  log.info(
    {
      event: 'connection_disconnected',
      audit: true,
      tenantId: tenantId,
      actor: { oid: user.oid, tid: user.tid, upn: user.upn },
    },
    'partner tenant disconnected',
  );
}
