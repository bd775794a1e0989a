import { COUNTRIES } from './countries';
import { Prng, seedFrom } from './prng';
import type { SeedAddress } from './types';

export interface SeedOrganizationProfile {
  id: string;
  companyName: string;
  tenantId: string;
  domain: string;
  email: string;
  language: string;
  culture: string;
  defaultAddress: SeedAddress;
  etag: string;
}

/** A partner tenant's Partner Center organization profile, derived from the tenant alone. */
export function seedOrganizationProfile(tenant: {
  id: string;
  name: string;
  domain: string;
}): SeedOrganizationProfile {
  const rng = new Prng(seedFrom(`org:${tenant.id}`));
  const us = COUNTRIES[0]!;
  const [city, state] = rng.pick(us.cities);
  const firstName = rng.pick(us.firstNames);
  const lastName = rng.pick(us.lastNames);
  return {
    id: rng.guid(),
    companyName: tenant.name,
    tenantId: tenant.id,
    domain: tenant.domain,
    email: `partners@${tenant.domain}`,
    language: us.language,
    culture: us.culture,
    defaultAddress: {
      country: us.code,
      region: 'us',
      city,
      state,
      addressLine1: `${rng.int(100, 9999)} ${rng.pick(us.streets)}`,
      postalCode: rng.digits(5),
      firstName,
      lastName,
      phoneNumber: `${us.phonePrefix} ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(4)}`,
    },
    etag: String(rng.int(-2_000_000_000, 2_000_000_000)),
  };
}
