import { isGuid } from '@/lib/ids/guid';
import type { RelationshipFilter } from './types';

const STATUS = /^[A-Za-z]{1,40}$/;

/**
 * The OData `$filter` for the relationship list, in the form CIPP uses against real Graph:
 * `status eq 'active' and customer/tenantId eq '<guid>'`. Values are checked, never quoted
 * through: a status is letters only and a tenant id is a GUID, so nothing can break out of the
 * string literal.
 */
export function buildRelationshipFilter(
  filter: RelationshipFilter | undefined,
): string | undefined {
  if (!filter) return undefined;
  const parts: string[] = [];
  if (filter.status !== undefined) {
    if (!STATUS.test(filter.status)) throw new RangeError('invalid relationship status filter');
    parts.push(`status eq '${filter.status}'`);
  }
  if (filter.customerTenantId !== undefined) {
    // Parsed already (its type says so); checked again only because it is quoted into OData.
    if (!isGuid(filter.customerTenantId)) throw new RangeError('invalid customer tenant id');
    parts.push(`customer/tenantId eq '${filter.customerTenantId}'`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}
