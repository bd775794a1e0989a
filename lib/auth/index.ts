import 'server-only';

// The parts of lib/auth that need Next or next-auth (session reading, guards that redirect, the
// next-auth options) live in lib/next; everything here runs in the CLI and jobs as well.
export { buildSignOutUrl } from './build-sign-out-url';
export { sessionCookieName } from './session-cookie';
export { isSameOrigin } from './is-same-origin';
export { GLOBAL_ADMIN_WID, APP_ROLES, canAdministerTenant } from './roles';
export { portalRole, type PortalRole } from './portal-role';
export type { SessionUser } from './session-user';
