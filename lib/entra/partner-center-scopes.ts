import 'server-only';
import { getConfig } from '@/lib/config';

/** The delegated Graph permission the access view needs to read the partner's GDAP relationships. */
export const GDAP_READ_PERMISSION = 'DelegatedAdminRelationship.Read.All';

/** The Partner Center delegated scope, built from the configured resource (national clouds differ). */
export function partnerCenterScopes(): string[] {
  return [`${getConfig().PARTNER_CENTER_RESOURCE}/user_impersonation`];
}

/** The Graph permission the connect consent asks for, built from the configured Graph resource. */
export function gdapReadScopes(): string[] {
  return [`${getConfig().GRAPH_RESOURCE}/${GDAP_READ_PERMISSION}`];
}

/**
 * What the connect sign-in asks consent for: Partner Center, the Graph GDAP read permission, a
 * refresh token and the user's identity. One consent covers both resources; each token is then
 * asked for one resource at a time (Entra issues a token for one audience per request).
 */
export function connectScopes(): string[] {
  return [...partnerCenterScopes(), ...gdapReadScopes(), 'offline_access', 'openid', 'profile'];
}

/** What the connect callback redeems its code for: the Partner Center token (one resource). */
export function connectRedeemScopes(): string[] {
  return [...partnerCenterScopes(), 'offline_access', 'openid', 'profile'];
}
