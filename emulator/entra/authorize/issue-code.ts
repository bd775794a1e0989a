import type { DirectoryUser } from '../../directory/directory';
import { clientInfo } from '../claims/common';
import { idTokenClaims } from '../claims/id-token';
import type { EntraDeps } from '../entra-deps';
import { parseScopes } from '../scopes/parse-scopes';
import { hashSecret, newAuthCode } from '../state/secrets';
import type { InteractionRecord } from '../state/types';

/** Authorization codes live 10 minutes, as Entra's do. */
export const CODE_LIFETIME_MS = 10 * 60_000;

/**
 * Ends a successful sign-in: stores the code (hashed) bound to tenant path, client, redirect
 * URI and PKCE challenge, forgets the interaction, and returns the parameters for the app —
 * plus an ID token with `c_hash` for `code id_token`.
 */
export async function issueCode(
  deps: EntraDeps,
  id: string,
  i: InteractionRecord,
  user: DirectoryUser,
  tenantId: string,
): Promise<Record<string, string>> {
  const { ctx, store, directory } = deps;
  const now = ctx.clock.now();
  const code = newAuthCode();
  const r = i.request;
  store.data.codes[hashSecret(code)] = {
    clientId: r.clientId,
    redirectUri: r.redirectUri,
    issuedPath: i.tenantPath,
    tenantId,
    userOid: user.oid,
    scopes: r.scopes,
    ...(r.nonce !== undefined ? { nonce: r.nonce } : {}),
    ...(r.codeChallenge !== undefined
      ? { codeChallenge: r.codeChallenge, codeChallengeMethod: r.codeChallengeMethod }
      : {}),
    amr: i.amr!,
    authTime: i.authTime!,
    sid: i.sid!,
    issuedAt: now,
    expiresAt: now + CODE_LIFETIME_MS,
  };
  delete store.data.interactions[id];
  store.save();

  const params: Record<string, string> = { code };
  if (r.responseType === 'code id_token') {
    const parsed = parseScopes(directory, r.scopes.join(' '));
    const app = directory.getApp(r.clientId)!;
    params.id_token = await ctx.keys.sign(
      idTokenClaims({
        authorityHost: ctx.urls.entra,
        nowSeconds: ctx.clock.nowSeconds(),
        tenantId,
        client: app,
        user,
        scopes: parsed.ok ? parsed.value.oidc : new Set(['openid']),
        sid: i.sid!,
        nonce: r.nonce,
        code,
      }),
    );
  }
  if (r.clientInfo) params.client_info = clientInfo(user.oid, tenantId);
  if (r.state !== undefined) params.state = r.state;
  params.session_state = i.sid!;
  return params;
}
