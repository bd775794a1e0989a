import type { Tenant, TenantKind } from '../directory/types';

/**
 * What Partner Center needs from the Entra emulator's directory (emulator/directory/directory.ts):
 * the partner tenants, and a way to register each seeded customer as a tenant. Structural, so the
 * real Directory class satisfies it and tests can pass a small fake.
 */
export interface PartnerCenterDirectoryView {
  listTenants(kind?: TenantKind): Tenant[];
  addCustomerTenants(
    tenants: Array<{ id: string; name: string; domain: string; partnerTenantId?: string }>,
  ): void;
}
