import { z } from 'zod';
import { isGuid } from './guid';

declare const tenantIdBrand: unique symbol;

/**
 * An Entra tenant id, parsed: a GUID in lower case. It is checked once where an id enters the
 * portal (token claims, route parameters, CLI arguments, configuration, secret names) and typed
 * from then on, so nothing downstream lower-cases or pattern-matches it again, and two TenantIds
 * compare with `===`.
 */
export type TenantId = string & { readonly [tenantIdBrand]: true };

/** `value` as a TenantId, or undefined when it is not a GUID. */
export function parseTenantId(value: unknown): TenantId | undefined {
  return isGuid(value) ? (value.toLowerCase() as TenantId) : undefined;
}

/** `value` as a TenantId; throws when it is not one (for values that were validated already). */
export function toTenantId(value: unknown): TenantId {
  const id = parseTenantId(value);
  if (!id) throw new TypeError('not a tenant id (GUID)');
  return id;
}

/** The zod form, for configuration and session claims. */
export const tenantIdSchema = z
  .string()
  .refine(isGuid, 'must be a GUID')
  .transform((v) => v.toLowerCase() as TenantId);
