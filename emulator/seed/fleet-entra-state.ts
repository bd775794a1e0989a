import { servicePrincipalObjectId } from '../directory/ids';
import type { AppRegistration, DirectoryMutableState } from '../directory/types';
import { hashSecret } from '../entra/state/secrets';
import type { RefreshTokenRecord } from '../entra/state/types';
import type { FleetPlan } from './partner-fleet';

/**
 * What the fleet's connects left in Entra: the portal app's service principal and an
 * organization-wide grant of its permissions in each partner tenant (the admin consented for the
 * organization), revoked sessions and Conditional Access MFA demands for the states that have them.
 */
export function addFleetToDirectory(
  state: DirectoryMutableState,
  plan: FleetPlan,
  portalApp: AppRegistration,
): void {
  for (const c of plan.connections) {
    state.servicePrincipals.push({
      id: servicePrincipalObjectId(portalApp.appId, c.tenantId),
      appId: portalApp.appId,
      tenantId: c.tenantId,
      createdAt: c.connectedAt,
    });
    for (const rra of portalApp.requiredResourceAccess)
      state.grants.push({
        tenantId: c.tenantId,
        clientId: portalApp.appId,
        resourceAppId: rra.resourceAppId,
        scopes: [...rra.scopes],
        createdAt: c.connectedAt,
      });
    if (c.revokedAt !== undefined) state.tokensValidFrom[c.admin.oid] = c.revokedAt;
    if (c.mfaRequiredFrom !== undefined)
      (state.mfaRequiredFrom ??= {})[c.admin.oid] = c.mfaRequiredFrom;
  }
}

/**
 * The refresh tokens Entra issued to the fleet, by hash: the one from the connect sign-in (with
 * MFA) and, after a rotation, the newer one. Each was last used when the secret was last written.
 */
export function fleetRefreshTokens(
  plan: FleetPlan,
  clientId: string,
): Record<string, RefreshTokenRecord> {
  const out: Record<string, RefreshTokenRecord> = {};
  for (const c of plan.connections) {
    const common = {
      clientId,
      tenantId: c.tenantId,
      userOid: c.admin.oid,
      amr: ['pwd', 'mfa'],
      authTime: c.connectedAt,
      sid: `fleet-${c.tenantId}`,
    };
    out[hashSecret(c.connectToken)] = {
      ...common,
      issuedAt: c.connectedAt,
      lastUsedAt: c.rotatedAt,
    };
    if (c.rotatedToken)
      out[hashSecret(c.rotatedToken)] = {
        ...common,
        issuedAt: c.rotatedAt,
        lastUsedAt: c.rotatedAt,
      };
  }
  return out;
}
