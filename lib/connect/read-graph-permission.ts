import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { gdapReadScopes } from '@/lib/entra/partner-center-scopes';
import { isEntraError } from '@/lib/entra/entra-error';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { log } from '@/lib/log';

/**
 * The Graph scopes the new grant carries, by redeeming it once for the GDAP read permission.
 * Never fails the connection: Partner Center works without Graph, and a connection whose Graph
 * consent is missing is shown as "reconnect to grant the new permission", not as broken.
 */
export async function readGraphPermission(
  tenantId: TenantId,
  refreshToken: string,
): Promise<string[]> {
  try {
    const redeemed = await redeemRefreshToken({ tenantId, refreshToken, scopes: gdapReadScopes() });
    return (redeemed.claims.scp ?? '').split(' ').filter(Boolean);
  } catch (e) {
    log.warn(
      {
        event: 'connect_graph_permission_missing',
        tenantId,
        errorCode: isEntraError(e) ? e.advice.code : 'unexpected_error',
      },
      'the new connection has no Graph GDAP permission',
    );
    return [];
  }
}
