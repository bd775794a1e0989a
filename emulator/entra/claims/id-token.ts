import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { AppRegistration, DirectoryUser } from '../../directory/directory';
import { wids } from '../../directory/directory-roles';
import { ID_TOKEN_SECONDS, opaqueClaims, pairwiseSub, v2Issuer } from './common';

/**
 * A v2 ID token as Entra issues it: no `amr` (v2 ID tokens never carry it), `nonce` only when
 * /authorize got one, `c_hash` only on tokens from /authorize (never from /token), `roles` =
 * the user's app roles on the app, `wids` only when the registration's `groupMembershipClaims`
 * asks for directory roles (`DirectoryRole` or `All`), as Entra does.
 */
export function idTokenClaims(p: {
  authorityHost: string;
  nowSeconds: number;
  tenantId: string;
  client: AppRegistration;
  user: DirectoryUser;
  scopes: Set<string>;
  sid: string;
  nonce?: string;
  /** The authorization code, when the ID token comes from /authorize (hybrid flow). */
  code?: string;
}): JWTPayload {
  const profile = p.scopes.has('profile');
  const roles = p.user.appRoles.filter((r) => p.client.appRoles.some((ar) => ar.value === r));
  return {
    aud: p.client.appId,
    iss: v2Issuer(p.authorityHost, p.tenantId),
    iat: p.nowSeconds,
    nbf: p.nowSeconds,
    exp: p.nowSeconds + ID_TOKEN_SECONDS,
    ...(p.code ? { c_hash: leftHalfHash(p.code) } : {}),
    ...(p.scopes.has('email') ? { email: p.user.upn } : {}),
    ...(profile ? { name: p.user.displayName } : {}),
    ...(p.nonce !== undefined ? { nonce: p.nonce } : {}),
    oid: p.user.oid,
    ...(profile ? { preferred_username: p.user.upn } : {}),
    ...(roles.length > 0 ? { roles } : {}),
    ...(emitsDirectoryRoles(p.client) ? { wids: wids(p.user.directoryRoles) } : {}),
    sid: p.sid,
    sub: pairwiseSub(p.user.oid, p.client.appId),
    tid: p.tenantId,
    ver: '2.0',
    ...opaqueClaims(),
  };
}

function emitsDirectoryRoles(app: AppRegistration): boolean {
  return app.groupMembershipClaims === 'DirectoryRole' || app.groupMembershipClaims === 'All';
}

/** OIDC `c_hash`/`at_hash`: base64url of the left half of SHA-256. */
function leftHalfHash(value: string): string {
  const h = createHash('sha256').update(value, 'ascii').digest();
  return h.subarray(0, h.length / 2).toString('base64url');
}
