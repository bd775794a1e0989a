import 'server-only';
import { recordBrokerActivity } from '@/lib/activity/broker-activity';
import { getConfig } from '@/lib/config';
import { getSharedTokenCache, getTenantLock, getTenantStates } from '@/lib/fleet';
import { partnerCenterScopes } from '@/lib/entra/partner-center-scopes';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { log } from '@/lib/log';
import { getRefreshTokenStore } from '@/lib/vault';
import { connectionLost } from './connection-lost';
import { deadGrantOf } from './dead-grant-status';
import { processSingleton } from './process-singleton';
import { MemorySingleFlight } from './single-flight';
import { LayeredTokenCache } from './layered-token-cache';
import { MemoryTokenCache } from './token-cache';
import { TokenBroker } from './token-broker';

/**
 * The process-wide token broker (one for every bundle; see process-singleton.ts), wired to Key
 * Vault, Entra, this process's memory in front of the fleet's sealed token cache, and the
 * fleet's tenant lock (lib/fleet: PostgreSQL).
 */
export function getTokenBroker(): TokenBroker {
  return processSingleton('token-broker', createTokenBroker);
}

/** This process's cached tokens only, e.g. after another instance changed the tenant's grant. */
export function getLocalTokenCache(): MemoryTokenCache {
  return processSingleton('token-broker.memory-cache', () => new MemoryTokenCache());
}

function createTokenBroker(): TokenBroker {
  const config = getConfig();
  return new TokenBroker({
    store: getRefreshTokenStore(),
    redeem: redeemRefreshToken,
    cache: new LayeredTokenCache(getLocalTokenCache(), getSharedTokenCache(), (error, operation) =>
      log.warn(
        { event: 'shared_token_cache_failed', operation, error },
        'shared token cache unavailable; using this process only',
      ),
    ),
    flight: new MemorySingleFlight(),
    lock: getTenantLock(),
    onDeadGrant: async (tenantId, code) => {
      await getTenantStates().record(tenantId, 'needs_reconnect', code);
    },
    now: Date.now,
    defaultResource: config.PARTNER_CENTER_RESOURCE,
    scopesFor: (resource) =>
      resource === config.PARTNER_CENTER_RESOURCE
        ? partnerCenterScopes()
        : [`${resource}/.default`],
    rotationIntervalMs: config.TOKEN_ROTATION_INTERVAL_HOURS * 60 * 60 * 1000,
    isDeadGrant: deadGrantOf,
    onConnectionLost: connectionLost,
    onActivity: recordBrokerActivity,
    onBackgroundError: (error, context) =>
      log.warn(
        { event: 'token_broker_background_error', ...context, error },
        'token write-back failed',
      ),
  });
}
