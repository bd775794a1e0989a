import { generateCustomers } from './generate-customers';
import type { SeedCustomer } from './types';
import { UniqueSlugs } from './unique-slugs';

export type { SeedCustomer, SeedSubscription, SeedAddress, CustomerRelationship } from './types';
export { generateSubscriptions } from './generate-subscriptions';
export { seedOrganizationProfile, type SeedOrganizationProfile } from './organization-profile';

/** Customer count of the second partner tenant (the first one's comes from `--customers`). */
export const PARTNER_B_CUSTOMERS = 120;

export interface SeededCustomers {
  /** Partner tenant id → its customers, in generation order. */
  byPartner: Map<string, SeedCustomer[]>;
  /** Customer (tenant) id → customer. */
  byId: Map<string, SeedCustomer>;
}

/**
 * Deterministic customers for the seeded partner tenants: the first partner (A) gets `scale`
 * customers, the second (B) 120, any further partner none. B is generated first so its customers
 * stay the same whatever the benchmark scale of A is. `reservedDomains` are initial domains the
 * directory already uses; no customer gets one of them.
 */
export function seedCustomers(
  partnerTenantIds: readonly string[],
  scale: number,
  reservedDomains: Iterable<string>,
): SeededCustomers {
  const used = new UniqueSlugs();
  for (const d of reservedDomains) used.reserve(d.toLowerCase().replace(/\.onmicrosoft\.com$/, ''));
  const byPartner = new Map<string, SeedCustomer[]>();
  const [a, b, ...rest] = partnerTenantIds;
  if (b)
    byPartner.set(
      b,
      generateCustomers(
        { partnerTenantId: b, label: 'partner-b', count: PARTNER_B_CUSTOMERS },
        used,
      ),
    );
  if (a)
    byPartner.set(
      a,
      generateCustomers({ partnerTenantId: a, label: 'partner-a', count: scale }, used),
    );
  for (const p of rest) byPartner.set(p, []);
  const byId = new Map<string, SeedCustomer>();
  for (const list of byPartner.values()) {
    for (const c of list) {
      if (byId.has(c.id)) throw new Error(`seed produced a duplicate customer id ${c.id}`);
      byId.set(c.id, c);
    }
  }
  return { byPartner, byId };
}
