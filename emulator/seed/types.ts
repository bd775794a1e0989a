/** Seeded Partner Center data: a partner's customers and their subscriptions. */

export type CustomerRelationship = 'reseller' | 'advisor';

/** Partner Center's Address resource (utility-resources.md). */
export interface SeedAddress {
  country: string;
  region?: string;
  city: string;
  state: string;
  addressLine1: string;
  addressLine2?: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
}

export interface SeedCustomer {
  /** Customer id = the customer's Entra tenant id. */
  id: string;
  commerceId: string;
  partnerTenantId: string;
  companyName: string;
  /** Initial domain, `<slug>.onmicrosoft.com`. */
  domain: string;
  relationship: CustomerRelationship;
  /** The partner holds delegated admin rights (DAP); without them Partner Center hides address, email and custom domains. */
  allowDelegatedAccess: boolean;
  email: string;
  address: SeedAddress;
  billing: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    culture: string;
    language: string;
    etag: string;
  };
  customDomains: string[];
  /** 0–8; the subscriptions themselves are generated on demand from `subscriptionSeed`. */
  subscriptionCount: number;
  subscriptionSeed: number;
  /** ISO date the customer relationship started; subscriptions start on or after it. */
  createdAt: string;
}

export interface SeedSubscription {
  id: string;
  entitlementId: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  productTypeId: string;
  quantity: number;
  unitType: string;
  creationDate: string;
  effectiveStartDate: string;
  commitmentEndDate: string;
  status: 'active' | 'suspended' | 'expired';
  autoRenewEnabled: boolean;
  isTrial: boolean;
  billingCycle: 'monthly' | 'annual';
  termDuration: 'P1M' | 'P1Y' | 'P3Y';
  orderId: string;
}
