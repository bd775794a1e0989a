import 'server-only';
import { getConfig } from '@/lib/config';

/** The Partner Center delegated scope, built from the configured resource (national clouds differ). */
export function partnerCenterScopes(): string[] {
  return [`${getConfig().PARTNER_CENTER_RESOURCE}/user_impersonation`];
}

/** What the connect sign-in asks for: Partner Center plus a refresh token and the user's identity. */
export function connectScopes(): string[] {
  return [...partnerCenterScopes(), 'offline_access', 'openid', 'profile'];
}
