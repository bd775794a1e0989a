import type { TenantId } from '@/lib/ids/tenant-id';

/** Role template id of Global Administrator, as Entra puts it in `wids`. */
export const GLOBAL_ADMIN_WID = '62e90394-69f5-4237-9190-012177145e10';

/** App roles defined on the portal's app registration. */
export const APP_ROLES = {
  admin: 'Portal.Admin',
  operator: 'Portal.Operator',
  staff: 'Portal.Staff',
} as const;

/**
 * Partner admin: Global Administrator (the `wids` claim, present when the app registration emits
 * directory roles) or the Portal.Admin app role (always in `roles`). Either suffices, so a tenant
 * whose tokens carry no `wids` can still name its admins by assigning the app role.
 */
export function isPartnerAdminClaims(claims: { roles: string[]; wids: string[] }): boolean {
  return claims.wids.includes(GLOBAL_ADMIN_WID) || claims.roles.includes(APP_ROLES.admin);
}

/** Operator: a user of the portal owner's home tenant holding Portal.Operator. */
export function isOperatorClaims(
  claims: { tid: TenantId; roles: string[] },
  homeTenantId: TenantId,
): boolean {
  return claims.tid === homeTenantId && claims.roles.includes(APP_ROLES.operator);
}

/**
 * Whether `user` may act on the connection of `tenantId`: only an admin of that very tenant.
 * Operators see health but do not act on other partners' connections.
 */
export function canAdministerTenant(
  user: { isPartnerAdmin: boolean; tid: TenantId },
  tenantId: TenantId,
): boolean {
  return user.isPartnerAdmin && user.tid === tenantId;
}
