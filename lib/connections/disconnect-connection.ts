import 'server-only';
import type { SessionUser } from '@/lib/auth';
import type { TenantId } from '@/lib/ids/tenant-id';
import { log } from '@/lib/log';
import { connectionLost, getTokenBroker } from '@/lib/tokens';
import { getRefreshTokenStore, isVaultError } from '@/lib/vault';
import { assertCanDisconnect } from './connection-access';

export interface DisconnectOutcome {
  /** `purged`: deleted permanently; `refused`: the vault does not allow it (purge protection or no
   *  purge permission), so the secret stays soft-deleted; `not_asked`: soft delete only. */
  purge: 'purged' | 'refused' | 'not_asked';
}

/**
 * Disconnects a partner tenant: the secret is marked and soft-deleted (recoverable, history
 * kept, and a later reconnect just works), or, when asked and the vault allows it, then purged.
 * The tenant's admin may do it, and so may an operator for any partner (the kill switch for a
 * compromised partner). Emits an audit event naming who did it.
 */
export async function disconnectConnection(
  user: SessionUser,
  tenantId: TenantId,
  options: { purge?: boolean } = {},
): Promise<DisconnectOutcome> {
  assertCanDisconnect(user, tenantId);
  const store = getRefreshTokenStore();
  await store.disconnect(tenantId, { oid: user.oid });
  // Access tokens cached from the old grant, and the customer list read with them, must not
  // outlive the connection.
  await getTokenBroker().forget(tenantId);
  connectionLost(tenantId);
  let purge: DisconnectOutcome['purge'] = 'not_asked';
  if (options.purge) {
    try {
      await store.purge(tenantId);
      purge = 'purged';
    } catch (e) {
      if (!isVaultError(e) || (e.code !== 'vault_forbidden' && e.code !== 'vault_conflict'))
        throw e;
      purge = 'refused';
    }
  }
  log.info(
    {
      event: 'connection_disconnected',
      audit: true,
      tenantId,
      purge,
      // An operator disconnecting another partner's tenant: the kill switch.
      byOperator: user.isOperator && user.tid !== tenantId,
      actor: { oid: user.oid, tid: user.tid, upn: user.upn },
    },
    'partner tenant disconnected',
  );
  return { purge };
}
