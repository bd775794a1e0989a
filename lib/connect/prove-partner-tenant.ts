import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  type OrganizationProfile,
} from '@/lib/partner-center';
import { ConnectFailure } from './connect-failure';

/**
 * `GET /v1/profiles/organization` with the fresh access token: proves the token works against
 * Partner Center and that the tenant is a partner, before anything is stored.
 */
export async function provePartnerTenant(
  accessToken: string,
  tenantId: TenantId,
): Promise<OrganizationProfile> {
  let profile: OrganizationProfile;
  try {
    profile = await createPartnerCenterClient(async () => accessToken, {
      retry: { maxRetries: 1, maxDelayMs: 5000 },
    }).getOrganizationProfile();
  } catch (e) {
    if (!isPartnerCenterError(e))
      throw new ConnectFailure('partner_center_unavailable', 'partner_center', {}, { cause: e });
    const details = {
      partnerCenterCode: e.details.partnerCenterCode,
      upstreamStatus: e.upstreamStatus,
      correlationId: e.details.correlationId,
    };
    if (e.code === 'partner_center_forbidden' || e.code === 'partner_center_not_found') {
      throw new ConnectFailure('tenant_not_partner', 'partner_center', details, { cause: e });
    }
    if (e.code === 'partner_center_unauthorized')
      throw new ConnectFailure('partner_center_rejected_token', 'partner_center', details, {
        cause: e,
      });
    throw new ConnectFailure('partner_center_unavailable', 'partner_center', details, { cause: e });
  }
  if (profile.tenantId && parseTenantId(profile.tenantId) !== tenantId) {
    throw new ConnectFailure('tenant_not_partner', 'partner_center', {
      reason: 'profile_tenant_mismatch',
    });
  }
  return profile;
}
