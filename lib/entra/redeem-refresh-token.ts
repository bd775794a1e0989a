import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { createMsalClient } from './create-msal-client';
import { EntraError } from './entra-error';
import { readAccessTokenClaims, type AccessTokenClaims } from './read-access-token-claims';
import { readRefreshTokenFromCache } from './read-refresh-token-from-cache';
import { toEntraError } from './to-entra-error';

export interface RedeemedTokens {
  accessToken: string;
  expiresOn: Date;
  /** The newest refresh token, read from MSAL's cache (the input one if Entra sent none). */
  refreshToken: string;
  claims: AccessTokenClaims;
}

/**
 * Redeems a stored refresh token against the partner's own tenant for `scopes` (one resource).
 * Entra rotates the refresh token on every use and keeps the old one valid, so callers store
 * the returned one when they want to and never lose a working token by not doing so.
 *
 * @throws EntraError with advice; `grantIsDead` says whether only a reconnect can help.
 */
export async function redeemRefreshToken(input: {
  tenantId: TenantId;
  refreshToken: string;
  scopes: string[];
}): Promise<RedeemedTokens> {
  // The authority URL is built from it: a value cast past the type never reaches Entra.
  if (parseTenantId(input.tenantId) !== input.tenantId)
    throw new EntraError({ error: 'invalid_tenant_id' });
  const client = createMsalClient(input.tenantId);
  let result;
  try {
    // forceCache: a fresh client has no account cached, and without it MSAL drops the refreshed
    // tokens ("account not in persistence"), so the rotated refresh token could not be read.
    result = await client.acquireTokenByRefreshToken({
      refreshToken: input.refreshToken,
      scopes: input.scopes,
      forceCache: true,
    });
  } catch (e) {
    throw toEntraError(e);
  }
  if (!result?.accessToken) throw new EntraError({ error: 'no_access_token' });
  const claims = readAccessTokenClaims(result.accessToken);
  // Tenant isolation: a token for another tenant must never be used as this tenant's.
  if (claims.tid !== input.tenantId) throw new EntraError({ error: 'tenant_mismatch' });
  const rotated = readRefreshTokenFromCache(client, result.account?.homeAccountId);
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn ?? new Date(Date.now() + 3600_000),
    refreshToken: rotated ?? input.refreshToken,
    claims,
  };
}
