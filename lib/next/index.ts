import 'server-only';

/**
 * The adapter between lib/ and Next.js: everything that needs next, next-auth or React lives in
 * this folder, and an ESLint rule keeps the rest of lib/ free of them, so the CLI and jobs load
 * lib/ without Next.
 */
export { getAuthOptions } from './auth-options';
export { getSessionUser } from './get-session-user';
export { requireUser, requireUserForApi, requirePartnerAdmin, requireOperator } from './guards';
export { route, signedInRoute, type RouteOptions } from './route';
export { errorResponse } from './error-response';
export { handleConnectionAction } from './handle-connection-action';
