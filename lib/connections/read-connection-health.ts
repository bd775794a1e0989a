import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getRefreshTokenStore } from '@/lib/vault';
import { computeHealth } from './compute-health';
import type { ConnectionHealth } from './connection-health';

/**
 * Health of one tenant's connection, or null when it is not connected. No authorization here:
 * callers are the guarded functions in this folder and the connect success page, which shows only
 * the tenant its own sealed result cookie names.
 */
export async function readConnectionHealth(
  tenantId: TenantId,
  now = Date.now(),
): Promise<ConnectionHealth | null> {
  const record = await getRefreshTokenStore().get(tenantId);
  if (!record) return null;
  return computeHealth(
    { tenantId: record.tenantId, tags: record.tags, updatedOn: record.updatedOn },
    now,
  );
}
