/** App-side shapes of the Graph resources the portal reads (mapped from schemas.ts). */
import type { TenantId } from '@/lib/ids/tenant-id';

export interface GdapRelationship {
  id: string;
  displayName?: string;
  /** `customer.tenantId`, parsed: the customer tenant the relationship grants access to. */
  customerTenantId?: TenantId;
  customerName?: string;
  /** Raw status string (an evolvable enum: unknown values are kept as sent). */
  status: string;
  roleIds: string[];
  /** `P180D` when it auto-extends; `PT0S`/`P0D` (or absent) when it does not. */
  autoExtendDuration?: string;
  endDateTime?: string;
  activatedDateTime?: string;
  lastModifiedDateTime?: string;
  /** True for `#microsoft.graph.resellerDelegatedAdminRelationship` (indirect reseller). */
  reseller: boolean;
}

export interface GdapAccessAssignment {
  id: string;
  status: string;
  /** The partner-tenant security group the roles are granted to. */
  groupId?: string;
  roleIds: string[];
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName?: string;
}

export interface PermissionGrant {
  id: string;
  clientId: string;
  consentType?: string;
  resourceId: string;
  scopes: string[];
}

export interface RelationshipFilter {
  status?: string;
  customerTenantId?: TenantId;
}

export interface RelationshipsPage {
  items: GdapRelationship[];
  /** The whole `@odata.nextLink` URL (its skip token is opaque). */
  nextLink?: string;
}
