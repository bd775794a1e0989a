import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { getCustomerDirectory } from '@/lib/fleet';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getTokenBroker } from '@/lib/tokens';
import { requireLiveConnection } from './require-live-connection';
import type { CustomerQuery } from './customer-query';
import { getCustomerListCache } from './get-customer-list-cache';
import { queryCustomers, type CustomerListPage } from './query-customers';

/**
 * One page of the signed-in user's own tenant's customers. The tenant comes from the session
 * only, never from the URL, so no parameter can point this at another partner's list.
 *
 * @throws ConnectionError (not connected / needs reconnect) or PartnerCenterError on the first page.
 */
export async function listCustomers(
  user: SessionUser,
  query: CustomerQuery,
): Promise<CustomerListPage> {
  await requireLiveConnection(user);
  const entry = await getCustomerListCache().get(user.tid);
  return queryCustomers(entry, query);
}

/**
 * Starts the user's tenant's list over (the refresh button). It also redeems the stored token
 * afresh, so a connection revoked in Entra shows up as such right away.
 */
export async function refreshCustomers(user: SessionUser): Promise<void> {
  await getTokenBroker().forget(user.tid);
  getCustomerListCache().forget(user.tid);
  await requireLiveConnection(user);
  await getCustomerListCache().refresh(user.tid);
}

/**
 * Loading progress of the user's tenant's list, without starting a load. Another instance may be
 * the one loading it (the progress poll lands on any instance), so without a copy here the shared
 * directory's own progress is the answer.
 */
export async function getCustomerListProgress(user: SessionUser) {
  await requireLiveConnection(user);
  const entry = getCustomerListCache().peek(user.tid);
  if (entry)
    return {
      status: entry.status,
      loaded: entry.items.length,
      pages: entry.pages,
      error: entry.error,
    };
  const shared = await getCustomerDirectory()
    .readSync(user.tid)
    .catch(() => undefined);
  if (!shared) return { status: 'idle' as const, loaded: 0, pages: 0 };
  return { status: shared.status, loaded: shared.loaded, pages: shared.pages, error: shared.error };
}

/** Whether this instance already holds the tenant's list (loaded or loading), so a page needs no skeleton. */
export function holdsCustomerList(tenantId: TenantId): boolean {
  return getCustomerListCache().peek(tenantId) !== undefined;
}

/** Whether the user's tenant's connection passes the customer-data guard right now (no throw). */
export async function isConnectionLive(user: SessionUser): Promise<boolean> {
  return requireLiveConnection(user).then(
    () => true,
    () => false,
  );
}
