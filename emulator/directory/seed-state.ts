import { servicePrincipalObjectId } from './ids';
import type { AppRegistration, DirectoryMutableState } from './types';

/**
 * The seeded runtime state: each app has its service principal and an admin-wide grant of its
 * required permissions in its own home tenant. Partner tenants start without either; the
 * connect flow's consent creates them.
 */
export function seedDirectoryState(apps: AppRegistration[], now: number): DirectoryMutableState {
  const state: DirectoryMutableState = {
    servicePrincipals: [],
    grants: [],
    mfaOverrides: {},
    tokensValidFrom: {},
    seededAt: now,
    groupOverrides: {},
    relationshipOverrides: {},
    customerConsents: {},
    delegatedTokenBlocks: {},
  };
  for (const app of apps) {
    state.servicePrincipals.push({
      id: servicePrincipalObjectId(app.appId, app.homeTenantId),
      appId: app.appId,
      tenantId: app.homeTenantId,
      createdAt: now,
    });
    for (const rra of app.requiredResourceAccess) {
      state.grants.push({
        tenantId: app.homeTenantId,
        clientId: app.appId,
        resourceAppId: rra.resourceAppId,
        scopes: [...rra.scopes],
        createdAt: now,
      });
    }
  }
  return state;
}
