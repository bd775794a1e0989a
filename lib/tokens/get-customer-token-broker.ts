import 'server-only';
import { getConfig } from '@/lib/config';
import { redeemAtCustomer } from '@/lib/entra/redeem-at-customer';
import { getRefreshTokenStore } from '@/lib/vault';
import { CustomerTokenBroker } from './customer-token-broker';
import { processSingleton } from './process-singleton';
import { MemorySingleFlight } from './single-flight';
import { MemoryTokenCache } from './token-cache';

/**
 * The process-wide broker for customer-tenant tokens. Its cache is in memory on purpose: the
 * access sync that uses it runs once across the fleet (one job worker at a time per partner),
 * so sharing thousands of short-lived customer tokens through the database would buy nothing.
 */
export function getCustomerTokenBroker(): CustomerTokenBroker {
  return processSingleton('customer-token-broker', () => {
    return new CustomerTokenBroker({
      store: getRefreshTokenStore(),
      redeem: redeemAtCustomer,
      cache: new MemoryTokenCache(),
      flight: new MemorySingleFlight(),
      now: Date.now,
      scopesFor: (resource) => [`${resource}/.default`],
    });
  });
}

/** The Graph resource customers' tokens are for (the consent check). */
export function graphResource(): string {
  return getConfig().GRAPH_RESOURCE;
}
