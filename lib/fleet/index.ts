import 'server-only';
import pg from 'pg';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { tokenKeyFrom } from '@/lib/tokens/token-seal';
import type { PartnerCenterBudget } from '@/lib/partner-center/send-request';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getFleetPool, getLockPool } from './fleet-pool';
import { PgCustomerDirectory } from './pg-customer-directory';
import { createPgConsumedStates } from './pg-consumed-states';
import { PgTenantLock } from './pg-tenant-lock';
import { PgTokenCache } from './pg-token-cache';
import { getSharedBudget } from './shared-budget';
import { TenantStates } from './tenant-states';
import { FleetChangeFeed } from './fleet-change-feed';

export { isDatabaseUnavailable, type SqlPool } from './sql-pool';
export { getSharedBudget } from './shared-budget';
export { TenantBusyError, LockUnavailableError } from './pg-tenant-lock';
export type { TenantState, TenantStatus } from './tenant-states';

/**
 * What this process shares with the other portal instances, all through PostgreSQL (the only
 * shared engine): the tenant lock, the sealed access-token cache, the used connect states and
 * the per-tenant state. One of each per process.
 */
export function getTenantLock(): PgTenantLock {
  return processSingleton(
    'fleet.tenant-lock',
    () =>
      new PgTenantLock(getLockPool(), {
        onDegraded: (error) =>
          log.warn(
            { event: 'fleet_lock_degraded', error },
            'database unreachable: the tenant lock is this process only',
          ),
      }),
  );
}

export function getSharedTokenCache(): PgTokenCache {
  return processSingleton(
    'fleet.token-cache',
    () => new PgTokenCache(getFleetPool(), tokenKeyFrom(getConfig())),
  );
}

export function getConsumedStates() {
  return processSingleton('fleet.consumed-states', () => createPgConsumedStates(getFleetPool()));
}

export function getTenantStates(): TenantStates {
  return processSingleton(
    'fleet.tenant-states',
    () =>
      new TenantStates(getFleetPool(), Date.now, (tenantId) =>
        getFleetChangeFeed().announce('fleet_tenant_state', tenantId),
      ),
  );
}

/**
 * This process's ear on the fleet's changes (see FleetChangeFeed), on a connection of its own.
 * Started by the server once the database is migrated; until then, and whenever it is not live,
 * readers read per request.
 */
export function getFleetChangeFeed(): FleetChangeFeed {
  return processSingleton(
    'fleet.change-feed',
    () =>
      new FleetChangeFeed({
        connect: () =>
          new pg.Client({
            connectionString: getConfig().DATABASE_URL,
            application_name: 'partner-portal-changes',
            connectionTimeoutMillis: 5_000,
          }),
        onDown: (error) =>
          log.warn(
            { event: 'fleet_change_feed_down', error },
            "not hearing the fleet's changes: shared state is read on every request",
          ),
        onUp: () =>
          log.info({ event: 'fleet_change_feed_up' }, "hearing the fleet's changes again"),
      }),
  );
}

/**
 * Partner Center's customer routes allow 500 requests per minute per partner tenant, for the
 * whole fleet: every instance takes from one window per tenant in the database, and a 429 on
 * any instance blocks the tenant's calls on all of them for its Retry-After. While the database
 * cannot be reached, each process keeps its own window (and the penalty of a 429 it sees).
 */
export function partnerCenterBudgetFor(tenantId: TenantId): PartnerCenterBudget {
  const budget = getSharedBudget(
    'partner-center-customers',
    { limit: getConfig().PARTNER_CENTER_CUSTOMER_REQUESTS_PER_MINUTE, windowMs: 60_000 },
    30_000,
  );
  const scope = `partner-center:customers:${tenantId}`;
  return {
    take: () => budget.acquire(scope),
    throttled: (retryAfterMs) => budget.throttled(scope, retryAfterMs),
  };
}

/**
 * The customer directory the fleet shares: each partner's list loaded from Partner Center once,
 * one row per (partner tenant, customer tenant) in `customer_directory`.
 */
export function getCustomerDirectory(): PgCustomerDirectory {
  return processSingleton(
    'fleet.customer-directory',
    () => new PgCustomerDirectory(getFleetPool(), getLockPool()),
  );
}

/**
 * The diagnostic /api/health calls Entra, Key Vault and Partner Center, so anyone but an operator
 * gets it at most six times a minute, fleet-wide: it can never be used to hammer those services,
 * and it is not a load-balancer probe (those are /api/health/live and /api/health/ready).
 */
export function tryTakeHealthCheck() {
  return getSharedBudget('api-health', { limit: 6, windowMs: 60_000 }, 0).tryTake(
    'api-health:anonymous',
  );
}
