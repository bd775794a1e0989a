import { createHash } from 'node:crypto';
import type { Relationship } from '../directory/delegated-admin';
import { partnerGroupId } from '../directory/partner-groups';
import type { SeedAccessAssignment } from '../seed/customer-access';

/** The properties `$select` may name on a relationship (GMETA `delegatedAdminRelationship`). */
export const RELATIONSHIP_FIELDS = [
  'id',
  'displayName',
  'duration',
  'customer',
  'accessDetails',
  'status',
  'autoExtendDuration',
  'createdDateTime',
  'activatedDateTime',
  'lastModifiedDateTime',
  'endDateTime',
  'indirectProviderTenantId',
  'isPartnerConsentPending',
] as const;

export const ASSIGNMENT_FIELDS = [
  'id',
  'status',
  'accessContainer',
  'accessDetails',
  'createdDateTime',
  'lastModifiedDateTime',
] as const;

/** Graph's DateTimeOffset: UTC with seven fractional digits. */
export function graphDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** A weak ETag that changes whenever the object does. */
function etag(...parts: Array<string | number | null>): string {
  const h = createHash('sha1').update(parts.join('|')).digest('base64');
  return `W/"${Buffer.from(`"${h.slice(0, 12)}"`).toString('base64')}"`;
}

export function relationshipJson(r: Relationship): Record<string, unknown> {
  return {
    '@odata.type': r.reseller
      ? '#microsoft.graph.resellerDelegatedAdminRelationship'
      : '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': etag(r.id, r.status, r.endAt, r.autoExtendDuration, r.lastModifiedAt),
    id: r.id,
    displayName: r.displayName,
    duration: r.duration,
    status: r.status,
    autoExtendDuration: r.autoExtendDuration,
    createdDateTime: graphDate(r.createdAt),
    lastModifiedDateTime: graphDate(r.lastModifiedAt),
    activatedDateTime: graphDate(r.activatedAt),
    endDateTime: graphDate(r.endAt),
    ...(r.reseller
      ? {
          indirectProviderTenantId: r.reseller.indirectProviderTenantId,
          isPartnerConsentPending: r.reseller.isPartnerConsentPending,
        }
      : {}),
    customer: { tenantId: r.customerTenantId, displayName: r.customerName },
    accessDetails: { unifiedRoles: r.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}

export function assignmentJson(
  partnerTenantId: string,
  a: SeedAccessAssignment,
): Record<string, unknown> {
  return {
    '@odata.etag': etag(a.id, a.status, a.lastModifiedAt),
    id: a.id,
    status: a.status,
    createdDateTime: graphDate(a.createdAt),
    lastModifiedDateTime: graphDate(a.lastModifiedAt),
    accessContainer: {
      accessContainerId: partnerGroupId(partnerTenantId, a.group),
      accessContainerType: 'securityGroup',
    },
    accessDetails: { unifiedRoles: a.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}
