import { companyName, domainSlug } from './company-names';
import { countryAt, type CountryData } from './countries';
import { Prng, seedFrom } from './prng';
import type { SeedAddress, SeedCustomer } from './types';
import type { UniqueSlugs } from './unique-slugs';

export interface PartnerSeedSpec {
  partnerTenantId: string;
  /** Seeds the partner's random stream, so its customers don't depend on its tenant id or on other partners. */
  label: string;
  count: number;
}

const TLD: Record<string, string> = {
  GB: 'co.uk',
  AU: 'com.au',
  NZ: 'co.nz',
  DE: 'de',
  FR: 'fr',
  NL: 'nl',
  SE: 'se',
  IE: 'ie',
  ES: 'es',
  DK: 'dk',
  CH: 'ch',
  CA: 'ca',
};
// Weighted toward the small tenants CSPs mostly serve: many with 1–4 subscriptions, a few with none or 8.
const SUBSCRIPTION_COUNTS = [0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7, 8];
const CREATED_FROM = Date.UTC(2016, 0, 1);
const CREATED_SPAN_DAYS = 3600;

/**
 * The partner's customers, generated one after another from its own seeded stream. Customer i is
 * the same whatever `count` is, so the benchmark scale (50,000) starts with the default 2,500.
 * `usedSlugs` keeps initial domains unique across partners and the directory's own tenants.
 */
export function generateCustomers(spec: PartnerSeedSpec, usedSlugs: UniqueSlugs): SeedCustomer[] {
  const rng = new Prng(seedFrom(spec.label));
  const customers: SeedCustomer[] = [];
  for (let i = 0; i < spec.count; i++)
    customers.push(generateCustomer(rng, spec.partnerTenantId, usedSlugs));
  return customers;
}

function generateCustomer(
  rng: Prng,
  partnerTenantId: string,
  usedSlugs: UniqueSlugs,
): SeedCustomer {
  const country = countryAt(rng.next());
  const { name, base } = companyName(rng, country);
  const slug = usedSlugs.take(domainSlug(base));
  const domain = `${slug}.onmicrosoft.com`;
  const customDomains = rng.chance(0.6) ? [`${slug}.${TLD[country.code] ?? 'com'}`] : [];
  const mailDomain = customDomains[0] ?? domain;
  const address = generateAddress(rng, country);
  const billingEmail = `${emailLocal(address.firstName)}.${emailLocal(address.lastName)}@${mailDomain}`;
  return {
    id: rng.guid(),
    commerceId: rng.guid(),
    partnerTenantId,
    companyName: name,
    domain,
    relationship: rng.chance(0.85) ? 'reseller' : 'advisor',
    allowDelegatedAccess: rng.chance(0.8),
    email: `${rng.pick(['info', 'admin', 'office', 'it', 'contact'])}@${mailDomain}`,
    address,
    billing: {
      id: rng.guid(),
      firstName: address.firstName,
      lastName: address.lastName,
      email: billingEmail,
      culture: country.culture,
      language: country.language,
      etag: String(rng.int(-2_000_000_000, 2_000_000_000)),
    },
    customDomains,
    subscriptionCount: rng.pick(SUBSCRIPTION_COUNTS),
    subscriptionSeed: rng.int(0, 0x7fffffff),
    createdAt: new Date(CREATED_FROM + rng.int(0, CREATED_SPAN_DAYS) * 86_400_000).toISOString(),
  };
}

function generateAddress(rng: Prng, country: CountryData): SeedAddress {
  const [city, state] = rng.pick(country.cities);
  const street = rng.pick(country.streets);
  const number = String(rng.int(1, 420));
  return {
    country: country.code,
    city,
    state,
    addressLine1: country.numberFirst ? `${number} ${street}` : `${street} ${number}`,
    ...(rng.chance(0.25) ? { addressLine2: `Suite ${rng.int(100, 950)}` } : {}),
    postalCode: fillPattern(rng, country.postal),
    firstName: rng.pick(country.firstNames),
    lastName: rng.pick(country.lastNames),
    phoneNumber: `${country.phonePrefix} ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(4)}`,
  };
}

function fillPattern(rng: Prng, pattern: string): string {
  return pattern.replace(/[#A]/g, (c) =>
    c === '#' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25)),
  );
}

function emailLocal(part: string): string {
  return domainSlug(part);
}
