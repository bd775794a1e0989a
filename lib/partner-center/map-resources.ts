import type { z } from 'zod';
import type {
  addressSchema,
  organizationProfileSchema,
  WireCustomer,
  WireSubscription,
} from './schemas';
import {
  RELATIONSHIPS,
  type Address,
  type CustomerDetail,
  type CustomerSummary,
  type OrganizationProfile,
  type Relationship,
  type Subscription,
} from './types';

/** Partner Center writes `microsoft_support`; the Java SDK serialises `microsoftSupport`. */
export function toRelationship(value: string | undefined): Relationship {
  if (!value) return 'unknown';
  const snake = value.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return (RELATIONSHIPS as readonly string[]).includes(snake) ? (snake as Relationship) : 'unknown';
}

function toAddress(a: z.infer<typeof addressSchema>): Address | undefined {
  if (!a) return undefined;
  const entries = Object.entries(a).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Address) : undefined;
}

export function toCustomerSummary(c: WireCustomer): CustomerSummary {
  return {
    id: c.id,
    companyName: c.companyProfile?.companyName ?? '',
    domain: c.companyProfile?.domain ?? '',
    relationship: toRelationship(c.relationshipToPartner),
  };
}

export function toCustomerDetail(c: WireCustomer): CustomerDetail {
  const billing = c.billingProfile;
  return {
    ...toCustomerSummary(c),
    commerceId: c.commerceId,
    allowDelegatedAccess: c.allowDelegatedAccess ?? undefined,
    email: c.companyProfile?.email,
    companyAddress: toAddress(c.companyProfile?.address),
    billing: billing
      ? {
          firstName: billing.firstName,
          lastName: billing.lastName,
          email: billing.email,
          companyName: billing.companyName,
          culture: billing.culture,
          language: billing.language,
          address: toAddress(billing.defaultAddress),
        }
      : undefined,
    customDomains: c.customDomains ?? [],
    associatedPartnerId: c.associatedPartnerId,
  };
}

export function toSubscription(s: WireSubscription): Subscription {
  return {
    id: s.id,
    offerId: s.offerId,
    offerName: s.offerName,
    friendlyName: s.friendlyName,
    quantity: s.quantity ?? undefined,
    unitType: s.unitType,
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled ?? undefined,
    isTrial: s.isTrial ?? undefined,
    billingCycle: s.billingCycle,
    termDuration: s.termDuration,
    creationDate: s.creationDate,
    commitmentEndDate: s.commitmentEndDate,
  };
}

export function toOrganizationProfile(
  p: z.infer<typeof organizationProfileSchema>,
): OrganizationProfile {
  return {
    id: p.id,
    tenantId: p.tenantId ?? p.id,
    companyName: p.companyName,
    domain: p.domain,
    email: p.email,
    address: toAddress(p.defaultAddress),
  };
}
