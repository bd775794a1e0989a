import type { JWTPayload } from 'jose';
import type { AppRegistration, DirectoryUser, ResourceApp } from '../../directory/directory';
import { wids } from '../../directory/directory-roles';
import { ACCESS_TOKEN_SECONDS, opaqueClaims, pairwiseSub, v1Issuer, v2Issuer } from './common';

interface TokenBase {
  authorityHost: string;
  nowSeconds: number;
  tenantId: string;
  /** `authMethod` (set by client authentication) decides `appidacr`/`azpacr`: 1 secret, 2 certificate. */
  client: AppRegistration & { authMethod?: 'secret' | 'certificate' };
  resource: ResourceApp;
  /** The resource identifier the client asked with: the v1 `aud`. */
  audience: string;
}

function envelope(b: TokenBase): JWTPayload {
  const v1 = b.resource.tokenVersion === 1;
  const acr = b.client.authMethod === 'certificate' ? '2' : '1';
  return {
    aud: v1 ? b.audience : b.resource.appId,
    iss: v1 ? v1Issuer(b.tenantId) : v2Issuer(b.authorityHost, b.tenantId),
    iat: b.nowSeconds,
    nbf: b.nowSeconds,
    exp: b.nowSeconds + ACCESS_TOKEN_SECONDS + 1,
    ...opaqueClaims(),
    ...(v1 ? { appid: b.client.appId, appidacr: acr } : { azp: b.client.appId, azpacr: acr }),
    tid: b.tenantId,
    ver: v1 ? '1.0' : '2.0',
  };
}

/**
 * A delegated access token. v1 (Key Vault, Partner Center, Graph) carries `amr`, `upn`,
 * `unique_name` and `wids`; v2 carries `preferred_username` and no `amr`. `roles` are the
 * user's app roles, present only when the resource is the client app itself.
 */
export function delegatedAccessTokenClaims(
  b: TokenBase & {
    user: DirectoryUser;
    scopes: string[];
    amr: string[];
    authTime: number;
    /** A partner user in a customer tenant through GDAP: roles from the relationship, `idp` the home tenant. */
    delegated?: { roles: string[]; homeTenantId: string };
  },
): JWTPayload {
  const v1 = b.resource.tokenVersion === 1;
  const ownApi = b.resource.appId === b.client.appId;
  const roles = ownApi ? b.user.appRoles : [];
  return {
    ...envelope(b),
    ...(v1
      ? { acr: '1', amr: b.amr, ipaddr: '127.0.0.1', unique_name: b.user.upn, upn: b.user.upn }
      : { preferred_username: b.user.upn }),
    idtyp: 'user',
    name: b.user.displayName,
    oid: b.user.oid,
    ...(roles.length > 0 ? { roles } : {}),
    scp: b.scopes.join(' '),
    sub: pairwiseSub(b.user.oid, b.resource.appId),
    ...(b.delegated
      ? { idp: v1Issuer(b.delegated.homeTenantId), wids: [...b.delegated.roles] }
      : { wids: wids(b.user.directoryRoles) }),
  };
}

/** An app-only access token: `oid` is the client's service principal, `idtyp` app, no `scp`; `roles` only when granted. */
export function appAccessTokenClaims(
  b: TokenBase & { servicePrincipalId: string; roles: string[] },
): JWTPayload {
  return {
    ...envelope(b),
    idp: v1Issuer(b.tenantId),
    idtyp: 'app',
    oid: b.servicePrincipalId,
    ...(b.roles.length > 0 ? { roles: b.roles } : {}),
    sub: b.servicePrincipalId,
  };
}
