import type { CustomerAppConsent, DirectoryUser, ResourceApp, Tenant } from '../directory/types';

/**
 * What Partner Center's application consents need from the Entra emulator's directory: who the
 * caller is, the roles GDAP gives them in a customer tenant, and the app's service principal and
 * grants there. Structural, so the real Directory satisfies it.
 */
export interface ConsentDirectory {
  findUserByOid(oid: string): { tenant: Tenant; user: DirectoryUser } | undefined;
  isAdminAgent(user: DirectoryUser): boolean;
  delegatedRoles(user: DirectoryUser, partnerTenantId: string, customerTenantId: string): string[];
  resolveResource(identifier: string): ResourceApp | undefined;
  customerAppConsent(tenantId: string, appId: string): CustomerAppConsent | undefined;
  grantCustomerConsent(
    tenantId: string,
    appId: string,
    grants: Record<string, string[]>,
    now: number,
  ): boolean;
  removeCustomerConsent(tenantId: string, appId: string): boolean;
}
