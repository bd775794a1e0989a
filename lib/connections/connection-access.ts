import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { canAdministerTenant, type SessionUser } from '@/lib/auth';
import { AppError } from '@/lib/errors/app-error';

/** Operators see every connection's health; a partner admin sees only their own tenant's. */
export function canViewConnection(user: SessionUser, tenantId: TenantId): boolean {
  return user.isOperator || canAdministerTenant(user, tenantId);
}

/**
 * Refuses with 404, not 403, so that nobody learns whether another partner's tenant is
 * connected by probing ids.
 */
export function assertCanView(user: SessionUser, tenantId: TenantId): void {
  if (!canViewConnection(user, tenantId)) throw connectionNotFound();
}

/** Only an admin of the tenant itself acts on its connection (operators included: they only look). */
export function assertCanAdminister(user: SessionUser, tenantId: TenantId): void {
  if (!canAdministerTenant(user, tenantId)) throw connectionNotFound();
}

/**
 * Who may disconnect a connection: an admin of that tenant, or an operator for any partner (the
 * kill switch for a compromised partner). Anyone else gets 404, as for viewing.
 */
export function canDisconnect(user: SessionUser, tenantId: TenantId): boolean {
  return user.isOperator || canAdministerTenant(user, tenantId);
}

export function assertCanDisconnect(user: SessionUser, tenantId: TenantId): void {
  if (!canDisconnect(user, tenantId)) throw connectionNotFound();
}

/** Someone who may see at least one connection. */
export function assertCanSeeConnections(user: SessionUser): void {
  if (!user.isOperator && !user.isPartnerAdmin) {
    throw new AppError(
      'forbidden_not_admin',
      'Only an administrator of your organization, or a portal operator, can see connections.',
      403,
    );
  }
}

/** A `[tenantId]` route parameter; anything that is not a tenant id is "no such connection" (404). */
export function tenantIdFromParam(value: string): TenantId {
  const tenantId = parseTenantId(value);
  if (!tenantId) throw connectionNotFound();
  return tenantId;
}

export function connectionNotFound(): AppError {
  return new AppError('connection_not_found', 'There is no such connection.', 404);
}
