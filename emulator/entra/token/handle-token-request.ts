import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';
import { resolveTenantPath } from '../http/tenant-path';
import { authenticateClient } from './client-auth';
import { issueClientCredentials } from './grant-client-credentials';
import { redeemAuthorizationCode } from './grant-authorization-code';
import { redeemRefreshToken } from './grant-refresh-token';
import { readForm, required } from './read-form';

export interface TokenRequest {
  tenant: string;
  contentType?: string;
  authorization?: string;
  body: unknown;
}

/**
 * POST /{tenant}/oauth2/v2.0/token without the HTTP layer, so unit tests can drive it:
 * resolves the tenant, reads the form, authenticates the client and runs the grant. Throws
 * EntraError for every refusal.
 */
export async function handleTokenRequest(deps: EntraDeps, req: TokenRequest): Promise<object> {
  const path = resolveTenantPath(deps.directory, req.tenant);
  if (!path)
    throw new EntraError({ ...aadsts.tenantNotFound(req.tenant), error: 'invalid_request' });
  const form = readForm(req.contentType, req.body);
  const grantType = required(form, 'grant_type');
  const grant = {
    authorization_code: redeemAuthorizationCode,
    refresh_token: redeemRefreshToken,
    client_credentials: issueClientCredentials,
  }[grantType];
  if (!grant) {
    // Authenticate first so an unknown grant from an unknown client reads as the client error.
    authenticateClient(deps, path, form, req.authorization);
    throw new EntraError(aadsts.unsupportedGrantType(grantType));
  }
  const client = authenticateClient(deps, path, form, req.authorization);
  return grant(deps, path, client, form);
}
