import type { SessionUser } from './session-user';

/**
 * The one role that decides what a signed-in user may open. An operator is an operator even
 * when the home tenant also names them an admin: operators see connections, never customer data.
 */
export type PortalRole = 'operator' | 'partner-admin' | 'staff';

export function portalRole(user: Pick<SessionUser, 'isOperator' | 'isPartnerAdmin'>): PortalRole {
  if (user.isOperator) return 'operator';
  return user.isPartnerAdmin ? 'partner-admin' : 'staff';
}
