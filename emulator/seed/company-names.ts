import type { CountryData } from './countries';
import type { Prng } from './prng';

// Word lists for company names of the kind a CSP's customer list is full of: small firms named
// after a place, a founder or a coined word, with the trade they are in and a local legal suffix.
const PLACES = [
  'Northwind',
  'Riverside',
  'Lakeside',
  'Highland',
  'Harbour',
  'Summit',
  'Meadow',
  'Oakwood',
  'Westfield',
  'Eastgate',
  'Pinecrest',
  'Silver Creek',
  'Redwood',
  'Stonebridge',
  'Fairview',
  'Greenfield',
  'Bayview',
  'Clearwater',
  'Kingsway',
  'Brookside',
  'Maple Ridge',
  'Coastal',
  'Alpine',
  'Prairie',
  'Granite',
  'Willow',
  'Ironwood',
  'Sunrise',
  'Crescent',
  'Elmstead',
];
const COINED_HEADS = [
  'Bright',
  'Blue',
  'Swift',
  'True',
  'Nova',
  'Clear',
  'Bold',
  'Prime',
  'Vivid',
  'Quantum',
  'Apex',
  'Lumen',
  'Terra',
  'Aero',
  'Fluent',
  'Keen',
  'Zen',
  'Civic',
  'Astra',
  'Core',
];
const COINED_TAILS = [
  'wave',
  'stone',
  'path',
  'leaf',
  'bridge',
  'point',
  'works',
  'line',
  'field',
  'spark',
  'nest',
  'gate',
  'forge',
  'peak',
  'harbor',
  'mark',
  'bay',
  'grid',
  'loop',
  'vista',
];
const TRADES = [
  'Dental Care',
  'Veterinary Clinic',
  'Architects',
  'Engineering',
  'Logistics',
  'Accounting',
  'Legal Services',
  'Consulting',
  'Construction',
  'Bakery',
  'Brewing',
  'Coffee Roasters',
  'Landscaping',
  'Plumbing',
  'Electrical',
  'Property Management',
  'Physiotherapy',
  'Pharmacy',
  'Marketing',
  'Design Studio',
  'Software',
  'IT Services',
  'Travel',
  'Insurance Brokers',
  'Realty',
  'Manufacturing',
  'Foods',
  'Outfitters',
  'Auto Repair',
  'Printing',
  'Medical Group',
  'Learning Centre',
  'Wealth Partners',
  'Hospitality',
  'Florists',
  'Solar',
  'Fitness',
  'Optometry',
  'Joinery',
  'Freight',
];
const PROFESSIONS = [
  'Solicitors',
  'Accountants',
  'Associates',
  'Partners',
  'Surveyors',
  'Advisors',
  'Dentists',
  'Architects',
];

/**
 * A realistic company name for a customer in the given country, and the part of it (without the
 * legal suffix) that its onmicrosoft.com domain is made from.
 */
export function companyName(rng: Prng, country: CountryData): { name: string; base: string } {
  const legal = rng.chance(0.7) ? ` ${rng.pick(country.legalSuffixes)}` : '';
  let base: string;
  switch (rng.int(0, 4)) {
    case 0:
      base = `${rng.pick(PLACES)} ${rng.pick(TRADES)}`;
      break;
    case 1:
      // Professional partnerships carry no corporate suffix.
      base = `${rng.pick(country.lastNames)} & ${rng.pick(country.lastNames)} ${rng.pick(PROFESSIONS)}`;
      return { name: base, base };
    case 2:
      base = `${rng.pick(COINED_HEADS)}${rng.pick(COINED_TAILS)}`;
      break;
    case 3:
      base = `${rng.pick(COINED_HEADS)}${rng.pick(COINED_TAILS)} ${rng.pick(TRADES)}`;
      break;
    default:
      base = `${rng.pick(country.lastNames)} ${rng.pick(TRADES)}`;
  }
  return { name: base + legal, base };
}

/**
 * The `<slug>` of a tenant's initial `<slug>.onmicrosoft.com` domain: letters and digits only,
 * diacritics folded, at most 27 characters (Entra's limit for the initial domain prefix).
 */
export function domainSlug(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
  return folded.slice(0, 27) || 'tenant';
}
