import { z } from 'zod';

/**
 * Wire shapes of the Microsoft Graph v1.0 resources the portal reads (GDAP relationships and
 * access assignments in the partner tenant; service principals and delegated permission grants
 * in a customer tenant). Only the fields we use are required, so additions on Microsoft's side
 * never break parsing.
 */

const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

const unifiedRolesSchema = z
  .object({
    unifiedRoles: z.array(z.object({ roleDefinitionId: z.string().min(1) })).nullish(),
  })
  .nullish();

export const relationshipSchema = z.object({
  '@odata.type': optionalString,
  id: z.string().min(1),
  displayName: optionalString,
  duration: optionalString,
  customer: z.object({ tenantId: z.string().min(1), displayName: optionalString }).nullish(),
  accessDetails: unifiedRolesSchema,
  /** An evolvable enum: unknown future values must parse, and are shown raw. */
  status: optionalString,
  autoExtendDuration: optionalString,
  createdDateTime: optionalString,
  activatedDateTime: optionalString,
  lastModifiedDateTime: optionalString,
  endDateTime: optionalString,
});

export const accessAssignmentSchema = z.object({
  id: z.string().min(1),
  status: optionalString,
  accessContainer: z
    .object({ accessContainerId: z.string().min(1), accessContainerType: optionalString })
    .nullish(),
  accessDetails: unifiedRolesSchema,
});

export const servicePrincipalSchema = z.object({
  id: z.string().min(1),
  appId: z.string().min(1),
  displayName: optionalString,
});

export const permissionGrantSchema = z.object({
  id: z.string().min(1),
  clientId: z.string().min(1),
  consentType: optionalString,
  principalId: optionalString,
  resourceId: z.string().min(1),
  /** Space-separated scope names (the Partner Center consent body uses commas instead). */
  scope: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
});

/** A Graph collection page: `value` plus `@odata.nextLink` while more pages follow. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    value: z.array(item),
    '@odata.nextLink': optionalString,
  });
}

/** Graph's error envelope (concepts/errors): branch on `code`, never on `message`. */
export const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: optionalString,
    innerError: z
      .object({
        'request-id': optionalString,
        'client-request-id': optionalString,
        date: optionalString,
      })
      .partial()
      .nullish(),
  }),
});
