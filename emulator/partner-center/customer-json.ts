import type { SeedCustomer } from '../seed';
import { link } from './links';

/** A customer as `GET /v1/customers` lists it (get-a-list-of-customers.md). */
export function customerListItem(c: SeedCustomer) {
  return {
    id: c.id,
    commerceId: c.commerceId,
    companyProfile: {
      tenantId: c.id,
      domain: c.domain,
      companyName: c.companyName,
      links: { self: link(`/customers/${c.id}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: c.relationship,
    links: { self: link(`/customers/${c.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

/**
 * A customer as `GET /v1/customers/{id}` returns it (get-a-customer-by-id.md): adds
 * `allowDelegatedAccess` and the billing profile. Without delegated access the docs say the
 * company address, email and custom domains are left out, and so they are here.
 */
export function customerDetail(c: SeedCustomer) {
  const item = customerListItem(c);
  return {
    id: c.id,
    commerceId: c.commerceId,
    companyProfile: {
      ...item.companyProfile,
      ...(c.allowDelegatedAccess ? { address: c.address, email: c.email } : {}),
    },
    billingProfile: {
      id: c.billing.id,
      firstName: c.billing.firstName,
      lastName: c.billing.lastName,
      email: c.billing.email,
      culture: c.billing.culture,
      language: c.billing.language,
      companyName: c.companyName,
      defaultAddress: c.address,
      links: { self: link(`/customers/${c.id}/profiles/billing`) },
      attributes: { etag: c.billing.etag, objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: c.relationship,
    allowDelegatedAccess: c.allowDelegatedAccess,
    ...(c.allowDelegatedAccess ? { customDomains: c.customDomains } : {}),
    links: item.links,
    attributes: item.attributes,
  };
}
