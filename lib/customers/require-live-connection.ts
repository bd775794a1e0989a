import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { getTokenBroker } from '@/lib/tokens';

/**
 * The one guard every customer data path (list, detail, export, progress, refresh) passes
 * first: the user's tenant's connection must still yield a Partner Center token. It is an
 * in-memory hit while the connection lives; a disconnect or a dead grant empties that cache, so
 * the next call reads the connection's current state and refuses with a ConnectionError
 * (not connected, or needs a reconnect), even while a customer list is still cached.
 */
export async function requireLiveConnection(user: SessionUser): Promise<void> {
  await getTokenBroker().getAccessToken(user.tid);
}
