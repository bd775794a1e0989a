import 'server-only';
import { createMsalClient } from './create-msal-client';
import { EntraError } from './entra-error';
import { readAccessTokenClaims, type AccessTokenClaims } from './read-access-token-claims';
import { readRefreshTokenFromCache } from './read-refresh-token-from-cache';
import { toEntraError } from './to-entra-error';

export interface RedeemedCode {
  accessToken: string;
  /** Undefined when Entra returned none (offline_access not granted). */
  refreshToken?: string;
  /** Claims of the access token (v1 for Partner Center, so `amr` is present). */
  claims: AccessTokenClaims;
  /** The signed-in user's name from the ID token, for display only. */
  displayName?: string;
  /**
   * Who signed in, from the ID token MSAL received straight from Entra's token endpoint over TLS
   * (and checked the nonce of): the tenant, app roles and directory role template ids (`wids`,
   * present when the app registration emits directory roles).
   */
  idToken: { tid?: string; roles: string[]; wids: string[] };
  scopes: string[];
}

/**
 * Redeems the connect flow's authorization code on the same `organizations` authority it was
 * issued for, with the PKCE verifier and the nonce (MSAL rejects an ID token whose nonce differs).
 * The refresh token is read from the fresh client's cache; MSAL returns it nowhere else.
 *
 * @throws EntraError; a reused code is AADSTS54005, a nonce mismatch has error `nonce_mismatch`.
 */
export async function redeemAuthCode(input: {
  code: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
  scopes: string[];
}): Promise<RedeemedCode> {
  const client = createMsalClient('organizations');
  let result;
  try {
    result = await client.acquireTokenByCode({
      code: input.code,
      codeVerifier: input.codeVerifier,
      nonce: input.nonce,
      redirectUri: input.redirectUri,
      scopes: input.scopes,
    });
  } catch (e) {
    throw toEntraError(e);
  }
  if (!result.accessToken) throw new EntraError({ error: 'no_access_token' });
  const idClaims = (result.idTokenClaims ?? {}) as Record<string, unknown>;
  const idName = idClaims.name;
  return {
    accessToken: result.accessToken,
    refreshToken: readRefreshTokenFromCache(client, result.account?.homeAccountId),
    claims: readAccessTokenClaims(result.accessToken),
    displayName: typeof idName === 'string' ? idName : undefined,
    idToken: {
      tid: typeof idClaims.tid === 'string' ? idClaims.tid : undefined,
      roles: strings(idClaims.roles),
      wids: strings(idClaims.wids),
    },
    scopes: result.scopes,
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
