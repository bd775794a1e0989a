import 'server-only';
import { getConfig } from '@/lib/config';
import {
  getCustomerDirectory,
  getFleetChangeFeed,
  isDatabaseUnavailable,
  partnerCenterBudgetFor,
} from '@/lib/fleet';
import { log } from '@/lib/log';
import { createPartnerCenterClient } from '@/lib/partner-center';
import { getTokenBroker, onConnectionLost, processSingleton } from '@/lib/tokens';
import { CustomerListCache } from './customer-list-cache';

/**
 * The process-wide customer list cache (shared by every bundle, see processSingleton) over the
 * fleet's shared customer directory (lib/fleet, PostgreSQL); each
 * tenant's list is fetched with that tenant's own token, within that tenant's fleet-wide Partner
 * Center budget.
 */
export function getCustomerListCache(): CustomerListCache {
  return processSingleton('customer-list-cache', () => {
    const cache = new CustomerListCache({
      ttlMs: getConfig().CUSTOMER_CACHE_TTL_SECONDS * 1000,
      directory: getCustomerDirectory(),
      changes: getFleetChangeFeed(),
      isUnavailable: isDatabaseUnavailable,
      sourceFor: (tenantId) =>
        createPartnerCenterClient(() => getTokenBroker().getAccessToken(tenantId), {
          budget: partnerCenterBudgetFor(tenantId),
        }),
      onBackgroundError: (error, tenantId) =>
        log.warn(
          { event: 'customer_list_load_failed', tenantId, error },
          'loading the rest of the customer list failed',
        ),
    });
    // A disconnect or a dead grant drops the tenant's list at once (hole 2 of issue 10).
    onConnectionLost((tenantId) => cache.forget(tenantId));
    return cache;
  });
}
