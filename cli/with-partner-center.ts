import type { TenantId } from '@/lib/ids/tenant-id';
import { createPartnerCenterClient, type PartnerCenterClient } from '@/lib/partner-center';
import { partnerCenterBudgetFor } from '@/lib/fleet';
import { getTokenBroker } from '@/lib/tokens';
import { resolveTenant } from './resolve-tenant';

export interface PartnerCenterSession {
  tenantId: TenantId;
  client: PartnerCenterClient;
}

/**
 * Runs `work` with a Partner Center client acting for a partner tenant's stored connection. The
 * token broker turns the refresh token in Key Vault into access tokens exactly as the portal
 * does; no connection, or one that needs a reconnect, surfaces as its ConnectionError on the
 * first call. A rotation write-back the broker started is awaited, so exiting never cuts it off.
 */
export async function withPartnerCenter<T>(
  tenantArg: string,
  work: (session: PartnerCenterSession) => Promise<T>,
): Promise<T> {
  const tenantId = await resolveTenant(tenantArg);
  const broker = getTokenBroker();
  try {
    return await work({
      tenantId,
      // The console spends the same fleet-wide budget as the portal's instances.
      client: createPartnerCenterClient(() => broker.getAccessToken(tenantId), {
        budget: partnerCenterBudgetFor(tenantId),
      }),
    });
  } finally {
    await broker.idle();
  }
}
