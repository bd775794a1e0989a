/**
 * The app's own view of Partner Center data. Pages and the CLI use these, never the wire shapes
 * in `schemas.ts`, so a Partner Center change is absorbed in one mapping.
 */

/** How the partner relates to the customer; unknown values from the wire become `unknown`. */
export const RELATIONSHIPS = [
  'reseller',
  'advisor',
  'syndication',
  'microsoft_support',
  'none',
  'unknown',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  region?: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

/** One row of the customer list. `id` is the customer's tenant id (Partner Center's Microsoft ID). */
export interface CustomerSummary {
  id: string;
  companyName: string;
  domain: string;
  relationship: Relationship;
}

export interface CustomerDetail extends CustomerSummary {
  commerceId?: string;
  /** Only reported by the by-id read, never by the list. */
  allowDelegatedAccess?: boolean;
  email?: string;
  companyAddress?: Address;
  billing?: {
    firstName?: string;
    lastName?: string;
    email?: string;
    companyName?: string;
    culture?: string;
    language?: string;
    address?: Address;
  };
  customDomains: string[];
  associatedPartnerId?: string;
}

export interface Subscription {
  id: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  quantity?: number;
  unitType?: string;
  status?: string;
  autoRenewEnabled?: boolean;
  isTrial?: boolean;
  billingCycle?: string;
  termDuration?: string;
  creationDate?: string;
  commitmentEndDate?: string;
}

export interface OrganizationProfile {
  id: string;
  tenantId: string;
  companyName: string;
  domain?: string;
  email?: string;
  address?: Address;
}

export interface CustomersPage {
  items: CustomerSummary[];
  /** Present when more customers follow; pass it back to fetch the next page. */
  continuationToken?: string;
}

/** Partner Center's customer filter: only `starts_with` is supported for customers. */
export interface CustomerFilter {
  field: 'CompanyName' | 'Domain';
  value: string;
}
