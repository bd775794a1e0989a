import { z } from 'zod';

/**
 * Partner Center response shapes, field for field as the REST reference documents them
 * (get-a-list-of-customers.md, get-a-customer-by-name.md, get-a-customer-by-id.md,
 * get-all-of-a-customer-s-subscriptions.md, get-an-organization-profile.md, error-codes.md,
 * api-throttling-guidance.md). Objects are strict: a field the docs don't show fails the check.
 */
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'ISO date');

export const linkSchema = z.strictObject({
  uri: z.string().startsWith('/'),
  method: z.literal('GET'),
  headers: z.array(z.strictObject({ key: z.string(), value: z.string() })),
});

export const addressSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  region: z.string().optional(),
  city: z.string().min(1),
  state: z.string().optional(),
  addressLine1: z.string().min(1),
  addressLine2: z.string().optional(),
  postalCode: z.string().min(1),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phoneNumber: z.string().optional(),
});

const companyProfileBase = {
  tenantId: guid,
  domain: z.string().regex(/^[a-z0-9]{1,27}\.onmicrosoft\.com$/),
  companyName: z.string().min(1),
  links: z.strictObject({ self: linkSchema }),
  attributes: z.strictObject({ objectType: z.literal('CustomerCompanyProfile') }),
};

const relationship = z.enum(['none', 'reseller', 'advisor', 'syndication', 'microsoft_support']);

export const customerListItemSchema = z
  .strictObject({
    id: guid,
    commerceId: guid,
    companyProfile: z.strictObject(companyProfileBase),
    relationshipToPartner: relationship,
    links: z.strictObject({ self: linkSchema }),
    attributes: z.strictObject({ objectType: z.literal('Customer') }),
  })
  .refine((c) => c.companyProfile.tenantId === c.id, 'customer id is its tenant id')
  .refine((c) => c.links.self.uri === `/customers/${c.id}`, 'self link');

export const customerCollectionSchema = z
  .strictObject({
    totalCount: z.number().int().nonnegative(),
    items: z.array(customerListItemSchema),
    links: z.strictObject({ self: linkSchema, next: linkSchema.optional() }),
    continuationToken: z.string().min(1).optional(),
    attributes: z.strictObject({ objectType: z.literal('Collection') }),
  })
  .refine((c) => c.totalCount === c.items.length, 'totalCount counts the items in this page')
  .refine(
    (c) => (c.links.next === undefined) === (c.continuationToken === undefined),
    'next link and continuationToken come together',
  )
  .refine(
    (c) =>
      !c.links.next ||
      (c.links.next.uri.includes('seekOperation=Next') &&
        c.links.next.headers.some(
          (h) => h.key === 'MS-ContinuationToken' && h.value === c.continuationToken,
        )),
    'next link carries seekOperation=Next and the MS-ContinuationToken header',
  );

export const customerDetailSchema = z.strictObject({
  id: guid,
  commerceId: guid,
  companyProfile: z.strictObject({
    ...companyProfileBase,
    address: addressSchema.optional(),
    email: z.string().includes('@').optional(),
  }),
  billingProfile: z.strictObject({
    id: guid,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().includes('@'),
    culture: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
    language: z.string().regex(/^[a-z]{2}$/),
    companyName: z.string(),
    defaultAddress: addressSchema,
    links: z.strictObject({ self: linkSchema }),
    attributes: z.strictObject({
      etag: z.string(),
      objectType: z.literal('CustomerBillingProfile'),
    }),
  }),
  relationshipToPartner: relationship,
  allowDelegatedAccess: z.boolean(),
  customDomains: z.array(z.string()).optional(),
  links: z.strictObject({ self: linkSchema }),
  attributes: z.strictObject({ objectType: z.literal('Customer') }),
});

export const subscriptionSchema = z.strictObject({
  id: guid,
  entitlementId: guid,
  offerId: z.string().min(1),
  offerName: z.string().min(1),
  friendlyName: z.string(),
  productType: z.strictObject({ id: z.string(), displayName: z.string() }),
  quantity: z.number().int().positive(),
  unitType: z.string(),
  hasPurchasableAddons: z.boolean(),
  creationDate: isoDate,
  effectiveStartDate: isoDate,
  commitmentEndDate: isoDate,
  cancellationAllowedUntilDate: isoDate,
  status: z.enum(['active', 'suspended', 'deleted', 'expired', 'pending', 'disabled']),
  autoRenewEnabled: z.boolean(),
  isTrial: z.boolean(),
  billingType: z.string(),
  billingCycle: z.enum(['monthly', 'annual', 'triennial', 'none', 'one_time']),
  termDuration: z.string().regex(/^P\d+[MY]$/),
  renewalTermDuration: z.string().optional(),
  refundOptions: z.array(z.unknown()).optional(),
  isMicrosoftProduct: z.boolean(),
  partnerId: z.string(),
  attentionNeeded: z.boolean(),
  actionTaken: z.boolean(),
  contractType: z.string(),
  links: z.strictObject({
    product: linkSchema,
    sku: linkSchema,
    availability: linkSchema,
    self: linkSchema,
  }),
  orderId: z.string(),
  attributes: z.strictObject({ etag: z.string(), objectType: z.literal('Subscription') }),
});

export const subscriptionCollectionSchema = z
  .strictObject({
    totalCount: z.number().int().nonnegative(),
    items: z.array(subscriptionSchema),
    attributes: z.strictObject({ objectType: z.literal('Collection') }),
  })
  .refine((c) => c.totalCount === c.items.length);

export const organizationProfileSchema = z.strictObject({
  id: guid,
  companyName: z.string().min(1),
  defaultAddress: addressSchema,
  tenantId: guid,
  domain: z.string().endsWith('.onmicrosoft.com'),
  email: z.string().includes('@'),
  language: z.string(),
  culture: z.string(),
  profileType: z.literal('OrganizationProfile'),
  links: z.strictObject({ self: linkSchema.refine((l) => l.uri === '/profiles/organization') }),
  attributes: z.strictObject({ etag: z.string(), objectType: z.literal('OrganizationProfile') }),
});

export const pcErrorSchema = z.strictObject({
  code: z.number().int(),
  description: z.string().min(1).max(1024),
  data: z.array(z.string()),
  source: z.literal('PartnerFD'),
});

export const throttledSchema = z.strictObject({
  statusCode: z.literal(429),
  message: z.string().regex(/^Rate limit is exceeded\. Try again in \d+ seconds\.$/),
});
