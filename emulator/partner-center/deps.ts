import type { SeededCustomers, SeedOrganizationProfile } from '../seed';
import type { PartnerCustomerIndex } from './customer-index';

/** What the Partner Center routes share: the seeded world, pre-indexed per partner tenant. */
export interface PcDeps {
  customers: SeededCustomers;
  /** Partner tenant id → its customers, indexed for listing and prefix search. */
  indexes: Map<string, PartnerCustomerIndex>;
  /** Partner tenant id → its organization profile. */
  profiles: Map<string, SeedOrganizationProfile>;
}
