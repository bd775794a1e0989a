import type { AppRegistration } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { entraTimestamp, EntraError } from '../http/entra-error';
import type { TenantPath } from '../http/tenant-path';
import { parseScopes, tokenResource } from '../scopes/parse-scopes';
import { delegatedAccess } from './delegated-access';
import { hashSecret } from '../state/secrets';
import { issueUserTokens, type TokenResponseBody } from './issue-user-tokens';
import { required, type TokenForm } from './read-form';

/** Entra's fixed MaxInactiveTime for refresh tokens (not configurable since 2021). */
export const REFRESH_INACTIVITY_MS = 90 * 86_400_000;

/**
 * grant_type=refresh_token. The token is bound to user and client, not to a resource: any
 * resource the client has consent for in the user's tenant can be asked for, and, at a
 * customer tenant's authority, any the client is consented for there when GDAP lets the user in. Each use returns
 * a new refresh token and leaves the old one valid (and marks it used).
 */
export async function redeemRefreshToken(
  deps: EntraDeps,
  path: TenantPath,
  client: AppRegistration,
  form: TokenForm,
): Promise<TokenResponseBody> {
  const { ctx, directory, store } = deps;
  const token = required(form, 'refresh_token');
  const record = store.data.refreshTokens[hashSecret(token)];
  if (!record) throw new EntraError(aadsts.invalidRefreshToken());
  if (record.clientId !== client.appId)
    throw new EntraError(aadsts.grantWrongClient('refresh_token'));
  const found = directory.findUserByOid(record.userOid);
  if (!found) throw new EntraError(aadsts.invalidRefreshToken());
  const now = ctx.clock.now();
  const validFrom = directory.tokensValidFrom(record.userOid);
  if (validFrom !== undefined && record.authTime < validFrom) {
    throw new EntraError(
      aadsts.refreshRevoked(entraTimestamp(record.authTime), entraTimestamp(validFrom)),
    );
  }
  const mfaFrom = directory.mfaRequiredFrom(record.userOid);
  if (mfaFrom !== undefined && record.authTime < mfaFrom) {
    const resource = parseScopes(directory, form.scope ?? '');
    throw new EntraError(
      aadsts.mfaRequired(resource.ok ? tokenResource(resource.value).resource.appId : client.appId),
    );
  }
  if (now - record.lastUsedAt > REFRESH_INACTIVITY_MS) {
    throw new EntraError(aadsts.refreshInactive(entraTimestamp(record.issuedAt), '90.00:00:00'));
  }
  const parsed = parseScopes(directory, form.scope ?? 'openid profile offline_access');
  if (!parsed.ok) throw new EntraError(aadsts.invalidScope(parsed.scope));
  // Another tenant's authority: a partner user reaching a customer through GDAP, or nothing.
  const delegated =
    path.kind === 'tenant' && path.tenant.id !== record.tenantId
      ? delegatedAccess(
          directory,
          found.user,
          record.tenantId,
          path.tenant,
          client.appId,
          tokenResource(parsed.value).identifier,
        )
      : undefined;

  const body = await issueUserTokens(deps, {
    tenantId: delegated && path.kind === 'tenant' ? path.tenant.id : record.tenantId,
    ...(delegated ? { delegated } : {}),
    client,
    user: found.user,
    scopes: parsed.value,
    amr: record.amr,
    authTime: record.authTime,
    sid: record.sid,
    clientInfo: form.client_info === '1',
    // A refresh always rotates: Entra returns a new refresh token on every use.
    offline: true,
  });
  record.lastUsedAt = now;
  store.save();
  return body;
}
