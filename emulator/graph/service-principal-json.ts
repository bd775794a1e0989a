import type { Directory } from '../directory/directory';
import { FIRST_PARTY_RESOURCES } from '../directory/resource-apps';
import type { Tenant } from '../directory/types';

/** Microsoft's own tenant: the owner of first-party apps' registrations. */
const MICROSOFT_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const SERVICE_PRINCIPAL_FIELDS = [
  'id',
  'appId',
  'displayName',
  'appDisplayName',
  'accountEnabled',
  'servicePrincipalType',
  'appOwnerOrganizationId',
  'signInAudience',
  'servicePrincipalNames',
  'tags',
] as const;

export interface TenantServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  ownerTenantId: string;
  signInAudience: string;
  names: string[];
}

/** Every service principal in a tenant: Microsoft's first-party APIs, and the registered apps consented there. */
export function servicePrincipalsIn(
  directory: Directory,
  tenant: Tenant,
): TenantServicePrincipal[] {
  const out: TenantServicePrincipal[] = [];
  for (const r of FIRST_PARTY_RESOURCES) {
    const id = directory.servicePrincipalId(r.appId, tenant.id);
    if (id)
      out.push({
        id,
        appId: r.appId,
        displayName: r.displayName,
        ownerTenantId: MICROSOFT_TENANT,
        signInAudience: 'AzureADMultipleOrgs',
        names: [r.appId, ...r.identifierUris],
      });
  }
  for (const app of directory.registrations()) {
    const id = directory.servicePrincipalId(app.appId, tenant.id);
    if (id)
      out.push({
        id,
        appId: app.appId,
        displayName: app.displayName,
        ownerTenantId: app.homeTenantId,
        signInAudience: app.signInAudience,
        names: [app.appId, ...app.identifierUris],
      });
  }
  return out;
}

export function servicePrincipalJson(sp: TenantServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    appId: sp.appId,
    displayName: sp.displayName,
    appDisplayName: sp.displayName,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: sp.ownerTenantId,
    signInAudience: sp.signInAudience,
    servicePrincipalNames: sp.names,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
  };
}

/**
 * An oauth2PermissionGrant id as Entra makes them: base64url of the client and resource
 * service principal ids' bytes (43 characters for an AllPrincipals grant).
 */
export function grantId(clientSpId: string, resourceSpId: string): string {
  const bytes = (g: string) => Buffer.from(g.replace(/-/g, ''), 'hex');
  return Buffer.concat([bytes(clientSpId), bytes(resourceSpId)]).toString('base64url');
}
