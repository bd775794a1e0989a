import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getFleetChangeFeed, getTenantStates } from '@/lib/fleet';
import { TenantServingGuard } from '@/lib/fleet/tenant-serving-guard';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { getLocalTokenCache } from '@/lib/tokens/get-token-broker';
import { getCustomerListCache } from './get-customer-list-cache';

/**
 * Refuses the tenant's customer data when its connection was disconnected, or its grant died, on
 * any portal instance (see TenantServingGuard): the tenant's shared state as last read while the
 * fleet's change feed is live, else a primary-key read per request shared by concurrent ones. A
 * reconnect elsewhere (a new generation) first drops this process's tokens and list of the old
 * grant.
 */
export function assertTenantServing(tenantId: TenantId): Promise<void> {
  return processSingleton(
    'customers.serving-guard',
    () =>
      new TenantServingGuard({
        read: (t) => getTenantStates().read(t),
        changes: getFleetChangeFeed(),
        onNewGeneration: async (t) => {
          await getLocalTokenCache().deletePrefix(`${t}|`);
          getCustomerListCache().forget(t);
        },
      }),
  ).assertServing(tenantId);
}
