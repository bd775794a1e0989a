import 'server-only';
import { createMsalClient } from './create-msal-client';
import { customerAuthorityMetadata } from './customer-authority-metadata';
import { EntraError } from './entra-error';
import { readAccessTokenClaims } from './read-access-token-claims';
import { toEntraError } from './to-entra-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Redeems a partner's stored refresh token at a CUSTOMER tenant's authority (the GDAP path:
 * Entra issues a token for the customer tenant when an active relationship's access assignment
 * gives the partner user a role there). Only the access token is returned: the refresh token
 * Entra rotates here is dropped with the throwaway MSAL client and never written anywhere, so
 * the partner's stored connection is untouched whatever happens.
 *
 * @throws EntraError: its AADSTS code belongs to that customer's row (65001/90099: the app is not
 *   consented there; 50020: no working GDAP path), not to the partner's connection.
 */
export async function redeemAtCustomer(input: {
  customerTenantId: string;
  refreshToken: string;
  scopes: string[];
}): Promise<{ accessToken: string; expiresOn: Date; scopes: string[] }> {
  if (!GUID.test(input.customerTenantId)) throw new EntraError({ error: 'invalid_tenant_id' });
  const metadata = await customerAuthorityMetadata(input.customerTenantId);
  const client = createMsalClient(input.customerTenantId, metadata);
  let result;
  try {
    result = await client.acquireTokenByRefreshToken({
      refreshToken: input.refreshToken,
      scopes: input.scopes,
    });
  } catch (e) {
    throw toEntraError(e);
  }
  if (!result?.accessToken) throw new EntraError({ error: 'no_access_token' });
  const claims = readAccessTokenClaims(result.accessToken);
  // Tenant isolation: a token for any other tenant must never be used as this customer's.
  if (claims.tid.toLowerCase() !== input.customerTenantId.toLowerCase())
    throw new EntraError({ error: 'tenant_mismatch' });
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn ?? new Date(Date.now() + 3600_000),
    scopes: (claims.scp ?? '').split(' ').filter(Boolean),
  };
}
