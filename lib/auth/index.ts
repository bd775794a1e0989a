import 'server-only';

export { getAuthOptions } from './auth-options';
export { getSessionUser } from './get-session-user';
export {
  requireUser,
  requireUserForApi,
  requirePartnerAdmin,
  requireOperator,
  canAdministerTenant,
} from './guards';
export { buildSignOutUrl } from './build-sign-out-url';
export { sessionCookieName } from './session-cookie';
export { isSameOrigin } from './is-same-origin';
export { GLOBAL_ADMIN_WID, APP_ROLES } from './roles';
export { portalRole, type PortalRole } from './portal-role';
export type { SessionUser } from './session-user';
