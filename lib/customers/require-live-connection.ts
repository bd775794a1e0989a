import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { getTokenBroker } from '@/lib/tokens';
import { assertTenantServing } from './assert-tenant-serving';

/**
 * The one guard every customer data path (list, detail, export, progress, refresh) passes
 * first: the user's tenant's connection must still yield a Partner Center token. It is an
 * in-memory hit while the connection lives; a disconnect or a dead grant empties that cache, so
 * the next call reads the connection's current state and refuses with a ConnectionError
 * (not connected, or needs a reconnect), even while a customer list is still cached. Before
 * that, the fleet's shared tenant state: a disconnect or a dead grant on ANY instance is refused
 * here at once, whatever this process still holds.
 */
export async function requireLiveConnection(user: SessionUser): Promise<void> {
  await assertTenantServing(user.tid);
  await getTokenBroker().getAccessToken(user.tid);
}
