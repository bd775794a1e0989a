import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getRefreshTokenStore } from '@/lib/vault';

/**
 * Whether a partner tenant has a stored connection. A connection that needs a reconnect still
 * counts: its staff sign in and see the reconnect banner instead of being turned away.
 */
export async function isTenantConnected(tenantId: TenantId): Promise<boolean> {
  return (await getRefreshTokenStore().get(tenantId)) !== null;
}
