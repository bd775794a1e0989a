import { Prng } from './prng';
import type { SeedCustomer, SeedSubscription } from './types';

// New-commerce products a CSP typically resells. Offer ids follow the NCE
// `<productId>:<skuId>:<availabilityId>` shape; these ids are synthetic.
const OFFERS = [
  {
    offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K8P5',
    offerName: 'Microsoft 365 Business Basic',
    friendly: 'M365 Business Basic',
  },
  {
    offerId: 'CFQ7TTC0LDPB:0001:CFQ7TTC0K5BF',
    offerName: 'Microsoft 365 Business Standard',
    friendly: 'M365 Business Standard',
  },
  {
    offerId: 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5DJ',
    offerName: 'Microsoft 365 Business Premium',
    friendly: 'M365 Business Premium',
  },
  { offerId: 'CFQ7TTC0LF8Q:0001:CFQ7TTC0K59S', offerName: 'Microsoft 365 E3', friendly: 'M365 E3' },
  {
    offerId: 'CFQ7TTC0LH16:0001:CFQ7TTC0K97T',
    offerName: 'Exchange Online (Plan 1)',
    friendly: 'Exchange Online P1',
  },
  {
    offerId: 'CFQ7TTC0LH0R:0001:CFQ7TTC0K7PV',
    offerName: 'Microsoft Teams Essentials',
    friendly: 'Teams Essentials',
  },
  {
    offerId: 'CFQ7TTC0LH2H:0001:CFQ7TTC0K9B2',
    offerName: 'Microsoft Entra ID P1',
    friendly: 'Entra ID P1',
  },
  {
    offerId: 'CFQ7TTC0LHSV:0001:CFQ7TTC0KBBQ',
    offerName: 'Microsoft Defender for Business',
    friendly: 'Defender for Business',
  },
  {
    offerId: 'CFQ7TTC0LHXL:0001:CFQ7TTC0KC9N',
    offerName: 'Microsoft 365 Apps for business',
    friendly: 'M365 Apps for business',
  },
  {
    offerId: 'CFQ7TTC0LHWR:0001:CFQ7TTC0KC6J',
    offerName: 'Visio Plan 2',
    friendly: 'Visio Plan 2',
  },
] as const;

const TERMS = [
  { termDuration: 'P1M', billingCycle: 'monthly', months: 1 },
  { termDuration: 'P1Y', billingCycle: 'monthly', months: 12 },
  { termDuration: 'P1Y', billingCycle: 'annual', months: 12 },
  { termDuration: 'P3Y', billingCycle: 'annual', months: 36 },
] as const;

// Terms renew; dates are laid out as they would stand on this fixed day, not on the emulator's
// clock, so the seed is the same on every run.
const AS_OF = Date.UTC(2026, 9, 1);

/** Start of the term (of `months`) that runs on AS_OF, for a subscription created on `created`. */
function currentTermStart(created: Date, months: number): Date {
  let start = created;
  for (
    let next = addMonths(start, months);
    next.getTime() <= AS_OF;
    next = addMonths(start, months)
  )
    start = next;
  return start;
}

function addMonths(d: Date, months: number): Date {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

/**
 * A customer's subscriptions, rebuilt from the customer's own seed on each call so 50,000
 * seeded customers don't hold some 200,000 subscription objects in memory.
 */
export function generateSubscriptions(customer: SeedCustomer): SeedSubscription[] {
  const rng = new Prng(customer.subscriptionSeed);
  const created = Date.parse(customer.createdAt);
  const subs: SeedSubscription[] = [];
  for (let i = 0; i < customer.subscriptionCount; i++) {
    const offer = rng.pick(OFFERS);
    const term = rng.pick(TERMS);
    const createdOn = new Date(created + rng.int(0, 900) * 86_400_000);
    const start = currentTermStart(createdOn, term.months);
    const end = addMonths(start, term.months);
    end.setUTCDate(end.getUTCDate() - 1);
    const id = rng.guid();
    subs.push({
      id,
      entitlementId: rng.guid(),
      offerId: offer.offerId,
      offerName: offer.offerName,
      friendlyName: offer.friendly,
      productTypeId: 'OnlineServicesNCE',
      quantity: rng.pick([1, 2, 3, 5, 5, 8, 10, 12, 15, 20, 25, 40, 60, 100]),
      unitType: 'Licenses',
      creationDate: createdOn.toISOString(),
      effectiveStartDate: start.toISOString(),
      commitmentEndDate: end.toISOString(),
      status: rng.chance(0.9) ? 'active' : rng.pick(['suspended', 'expired'] as const),
      autoRenewEnabled: rng.chance(0.85),
      isTrial: rng.chance(0.03),
      billingCycle: term.billingCycle,
      termDuration: term.termDuration,
      orderId: rng.hex(32),
    });
  }
  return subs;
}
