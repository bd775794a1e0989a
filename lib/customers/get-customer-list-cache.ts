import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { createPartnerCenterClient } from '@/lib/partner-center';
import { getTokenBroker } from '@/lib/tokens';
import { CustomerListCache } from './customer-list-cache';

let cache: CustomerListCache | undefined;

/** The process-wide customer list cache; each tenant's lists are fetched with that tenant's own token. */
export function getCustomerListCache(): CustomerListCache {
  cache ??= new CustomerListCache({
    ttlMs: getConfig().CUSTOMER_CACHE_TTL_SECONDS * 1000,
    sourceFor: (tenantId) => createPartnerCenterClient(() => getTokenBroker().getAccessToken(tenantId)),
    onBackgroundError: (error, tenantId) => log.warn({ event: 'customer_list_load_failed', tenantId, error }, 'loading the rest of the customer list failed'),
  });
  return cache;
}
