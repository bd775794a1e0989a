import type { AppRegistration } from '../../directory/directory';
import { entraTimestamp, EntraError } from '../http/entra-error';
import { aadsts } from '../http/aadsts';
import type { EntraDeps } from '../entra-deps';
import type { TenantPath } from '../http/tenant-path';
import { parseScopes } from '../scopes/parse-scopes';
import { hashSecret } from '../state/secrets';
import { issueUserTokens, type TokenResponseBody } from './issue-user-tokens';
import { pkceMatches } from './pkce';
import { required, type TokenForm } from './read-form';

/**
 * grant_type=authorization_code. The code is single use, lives 10 minutes, and is bound to the
 * tenant path, the client, the redirect_uri and the PKCE verifier. Every check runs before the
 * code is marked redeemed, so a bad request leaves it usable.
 */
export async function redeemAuthorizationCode(
  deps: EntraDeps,
  path: TenantPath,
  client: AppRegistration,
  form: TokenForm,
): Promise<TokenResponseBody> {
  const { ctx, directory, store } = deps;
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const key = hashSecret(code);
  const record = store.data.codes[key];
  if (!record) throw new EntraError(aadsts.invalidCode());
  if (record.redeemedAt !== undefined) throw new EntraError(aadsts.codeRedeemed());
  if (ctx.clock.now() > record.expiresAt)
    throw new EntraError(aadsts.codeExpired(entraTimestamp(record.issuedAt)));
  if (record.clientId !== client.appId) throw new EntraError(aadsts.grantWrongClient('code'));
  if (path.kind === 'tenant' && path.tenant.id !== record.tenantId)
    throw new EntraError(aadsts.codeWrongTenant());
  if (
    path.kind === 'multi' &&
    record.issuedPath !== path.segment &&
    record.issuedPath !== 'common' &&
    record.issuedPath !== 'organizations'
  ) {
    throw new EntraError(aadsts.codeWrongTenant());
  }
  if (redirectUri !== record.redirectUri)
    throw new EntraError(aadsts.redirectUriMismatch(redirectUri, record.redirectUri));
  if (record.codeChallenge !== undefined) {
    const verifier = form.code_verifier;
    if (
      !verifier ||
      !pkceMatches(record.codeChallenge, record.codeChallengeMethod ?? 'plain', verifier)
    ) {
      throw new EntraError(aadsts.pkceMismatch());
    }
  }
  const found = directory.findUserByOid(record.userOid);
  if (!found) throw new EntraError(aadsts.invalidCode());

  // The token request may narrow the scopes to one resource; without `scope` the authorize scopes apply.
  const authorizeScopes = parseScopes(directory, record.scopes.join(' '));
  const requested = form.scope ? parseScopes(directory, form.scope) : authorizeScopes;
  if (!requested.ok) throw new EntraError(aadsts.invalidScope(requested.scope));
  if (!authorizeScopes.ok) throw new EntraError(aadsts.invalidCode());

  const body = await issueUserTokens(deps, {
    tenantId: record.tenantId,
    client,
    user: found.user,
    scopes: {
      ...requested.value,
      oidc: new Set([...requested.value.oidc, ...authorizeScopes.value.oidc]),
    },
    amr: record.amr,
    authTime: record.authTime,
    sid: record.sid,
    nonce: record.nonce,
    clientInfo: form.client_info === '1',
    offline:
      authorizeScopes.value.oidc.has('offline_access') ||
      requested.value.oidc.has('offline_access'),
  });
  record.redeemedAt = ctx.clock.now();
  store.save();
  return body;
}
