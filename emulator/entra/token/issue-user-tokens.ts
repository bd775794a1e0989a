import type { AppRegistration, DirectoryUser } from '../../directory/directory';
import { MICROSOFT_GRAPH } from '../../directory/resource-apps';
import { delegatedAccessTokenClaims } from '../claims/access-token';
import { ACCESS_TOKEN_SECONDS, clientInfo } from '../claims/common';
import { idTokenClaims } from '../claims/id-token';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';
import { grantedForToken } from '../scopes/consent';
import { tokenResource, type ParsedScopes } from '../scopes/parse-scopes';
import { hashSecret, newRefreshToken } from '../state/secrets';
import type { DelegatedAccess } from './delegated-access';

export interface UserTokenInput {
  tenantId: string;
  client: AppRegistration;
  user: DirectoryUser;
  scopes: ParsedScopes;
  amr: string[];
  authTime: number;
  sid: string;
  nonce?: string;
  clientInfo: boolean;
  /** offline_access was asked for (at /authorize for codes, in the request for refreshes). */
  offline: boolean;
  /** Set when `tenantId` is a customer tenant the user reaches through GDAP. */
  delegated?: DelegatedAccess;
}

export interface TokenResponseBody {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

/**
 * Access token for the first resource requested (consent permitting), ID token when `openid`
 * was asked for, and a new refresh token when `offline_access` was. Throws EntraError before
 * touching state; the caller saves the store once it has also recorded its own change.
 */
export async function issueUserTokens(
  deps: EntraDeps,
  p: UserTokenInput,
): Promise<TokenResponseBody> {
  const { ctx, directory, store } = deps;
  const target = tokenResource(p.scopes);
  if (!directory.servicePrincipalId(target.resource.appId, p.tenantId)) {
    throw new EntraError(aadsts.resourceNotFound(target.identifier, p.tenantId));
  }
  const perms = grantedForToken(
    directory,
    p.tenantId,
    p.client.appId,
    p.user.oid,
    target,
    p.scopes.oidc,
  );
  if (!perms) throw new EntraError(aadsts.consentRequired(p.client.appId, p.client.displayName));

  const now = ctx.clock.nowSeconds();
  const accessToken = await ctx.keys.sign(
    delegatedAccessTokenClaims({
      authorityHost: ctx.urls.entra,
      nowSeconds: now,
      tenantId: p.tenantId,
      client: p.client,
      resource: target.resource,
      audience: target.identifier,
      user: p.user,
      scopes: perms,
      amr: p.amr,
      authTime: p.authTime,
      ...(p.delegated ? { delegated: p.delegated } : {}),
    }),
    { v1: target.resource.tokenVersion === 1 },
  );
  const idToken = p.scopes.oidc.has('openid')
    ? await ctx.keys.sign(
        idTokenClaims({
          authorityHost: ctx.urls.entra,
          nowSeconds: now,
          tenantId: p.tenantId,
          client: p.client,
          user: p.user,
          scopes: p.scopes.oidc,
          sid: p.sid,
          nonce: p.nonce,
        }),
      )
    : undefined;

  let refreshToken: string | undefined;
  if (p.offline) {
    refreshToken = newRefreshToken();
    const at = ctx.clock.now();
    store.data.refreshTokens[hashSecret(refreshToken)] = {
      clientId: p.client.appId,
      // Bound to the user's home tenant even when redeemed at a customer's authority.
      tenantId: p.delegated?.homeTenantId ?? p.tenantId,
      userOid: p.user.oid,
      amr: p.amr,
      authTime: p.authTime,
      sid: p.sid,
      issuedAt: at,
      lastUsedAt: at,
    };
  }

  return {
    token_type: 'Bearer',
    scope: responseScope(
      target.resource.appId,
      target.identifier,
      perms,
      target.permissions.includes('.default'),
    ),
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(idToken ? { id_token: idToken } : {}),
    ...(p.clientInfo ? { client_info: clientInfo(p.user.oid, p.tenantId) } : {}),
  };
}

/** Entra lists Graph permissions by short name and other APIs' as `<App ID URI>/<perm>`, plus `/.default` when asked. */
function responseScope(
  resourceAppId: string,
  identifier: string,
  perms: string[],
  withDefault: boolean,
): string {
  if (resourceAppId === MICROSOFT_GRAPH.appId) return perms.join(' ');
  const base = identifier.replace(/\/+$/, '');
  return [...perms.map((p) => `${base}/${p}`), ...(withDefault ? [`${base}/.default`] : [])].join(
    ' ',
  );
}
