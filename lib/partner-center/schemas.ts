import { z } from 'zod';

/**
 * Wire shapes of the Partner Center REST API (docs: customer-resources, utility-resources,
 * get-a-list-of-customers). Only the fields we use are required; everything else is optional so
 * that additions on Microsoft's side never break parsing.
 */

const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const addressSchema = z
  .object({
    addressLine1: optionalString,
    addressLine2: optionalString,
    city: optionalString,
    state: optionalString,
    postalCode: optionalString,
    country: optionalString,
    region: optionalString,
    firstName: optionalString,
    lastName: optionalString,
    phoneNumber: optionalString,
  })
  .nullish();

export const linkSchema = z.object({
  uri: z.string(),
  method: z.string().optional(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })).nullish(),
});

export const customerSchema = z.object({
  id: z.string().min(1),
  commerceId: optionalString,
  companyProfile: z
    .object({
      tenantId: optionalString,
      domain: optionalString,
      companyName: optionalString,
      email: optionalString,
      address: addressSchema,
    })
    .nullish(),
  billingProfile: z
    .object({
      firstName: optionalString,
      lastName: optionalString,
      email: optionalString,
      companyName: optionalString,
      culture: optionalString,
      language: optionalString,
      defaultAddress: addressSchema,
    })
    .nullish(),
  relationshipToPartner: optionalString,
  allowDelegatedAccess: z.boolean().nullish(),
  customDomains: z.array(z.string()).nullish(),
  associatedPartnerId: optionalString,
});
export type WireCustomer = z.infer<typeof customerSchema>;

export const customerCollectionSchema = z.object({
  totalCount: z.number().optional(),
  items: z.array(customerSchema),
  continuationToken: optionalString,
  links: z.object({ self: linkSchema.nullish(), next: linkSchema.nullish() }).nullish(),
});

export const subscriptionSchema = z.object({
  id: z.string().min(1),
  offerId: optionalString,
  offerName: optionalString,
  friendlyName: optionalString,
  quantity: z.number().nullish(),
  unitType: optionalString,
  status: optionalString,
  autoRenewEnabled: z.boolean().nullish(),
  isTrial: z.boolean().nullish(),
  billingCycle: optionalString,
  termDuration: optionalString,
  creationDate: optionalString,
  commitmentEndDate: optionalString,
});
export type WireSubscription = z.infer<typeof subscriptionSchema>;

export const subscriptionCollectionSchema = z.object({
  totalCount: z.number().optional(),
  items: z.array(subscriptionSchema),
});

export const organizationProfileSchema = z.object({
  id: z.string().min(1),
  tenantId: optionalString,
  companyName: z.string().min(1),
  domain: optionalString,
  email: optionalString,
  defaultAddress: addressSchema,
});

/** Error body of every 4xx/5xx (`{code, description}`), or the throttling body (`{statusCode, message}`). */
export const errorBodySchema = z
  .object({
    code: z.union([z.string(), z.number()]).optional(),
    description: z.string().optional(),
    statusCode: z.number().optional(),
    message: z.string().optional(),
    errorName: z.string().optional(),
  })
  .loose();
