import 'server-only';
import { recordActivity } from '@/lib/activity';
import { removeTenantWebhook } from '@/lib/alerts/tenant-webhook-store';
import type { SessionUser } from '@/lib/auth';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getCustomerDirectory, getTenantStates } from '@/lib/fleet';
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
  const broker = getTokenBroker();
  // Under the tenant's fleet-wide lock (no rotation can write the grant back meanwhile), and
  // refused while the database cannot be reached: the other instances would not hear of it.
  await broker.exclusive(
    tenantId,
    async () => {
      // Every instance refuses the tenant's data from this moment, whatever it holds in memory.
      await getTenantStates().record(tenantId, 'disconnected');
      await store.disconnect(tenantId, { oid: user.oid });
      // Access tokens cached from the old grant, and the customer list read with them, must not
      // outlive the connection.
      await broker.forget(tenantId);
      await getCustomerDirectory().forget(tenantId);
      connectionLost(tenantId);
    },
    { failClosed: true },
  );
  const actor = { type: 'user', upn: user.upn, oid: user.oid, tenantId: user.tid } as const;
  await recordActivity({ kind: 'disconnect', result: 'success', actor, partnerTenantId: tenantId });
  await removeWebhookOf(tenantId);
  let purge: DisconnectOutcome['purge'] = 'not_asked';
  if (options.purge) {
    try {
      await store.purge(tenantId);
      purge = 'purged';
    } catch (e) {
      const refused =
        isVaultError(e) && (e.code === 'vault_forbidden' || e.code === 'vault_conflict');
      await recordActivity({
        kind: 'purge',
        result: refused ? 'refused' : 'failed',
        actor,
        partnerTenantId: tenantId,
        errorCode: isVaultError(e) ? e.code : 'unexpected_error',
      });
      if (!refused) throw e;
      purge = 'refused';
    }
    if (purge === 'purged')
      await recordActivity({ kind: 'purge', result: 'success', actor, partnerTenantId: tenantId });
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

/**
 * The partner's alert webhook (a bearer secret in Key Vault) goes with the connection: nothing
 * would send to it, and a partner that leaves must not leave a live secret behind. Soft-deleted,
 * like the refresh token. A failure is logged, not thrown: the disconnect itself has happened.
 */
async function removeWebhookOf(tenantId: TenantId): Promise<void> {
  await removeTenantWebhook(tenantId).catch((e: unknown) =>
    log.warn(
      {
        event: 'alert_webhook_not_removed',
        tenantId,
        errorCode: (e as { code?: string }).code ?? 'unexpected_error',
      },
      'could not remove the alert webhook on disconnect',
    ),
  );
}
