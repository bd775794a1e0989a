import type { Manifest } from '../support/manifest';
import { seededTenants, seededUser } from '../support/manifest';
import { codeForm, signInForCode, tokenRequest } from './entra-raw-client';

export const PC_SCOPE =
  'https://api.partnercenter.microsoft.com/user_impersonation offline_access openid profile';

/**
 * A real App+User Partner Center access token from the emulated Entra: the seeded user signs in
 * through the pages (TOTP MFA where the user has it), consents, and the code is redeemed.
 */
export async function userToken(
  m: Manifest,
  which: 'partnerA' | 'partnerB',
  role: 'admin' | 'staff' | 'nomfa',
): Promise<string> {
  const tenant = seededTenants(m)[which];
  const user = seededUser(tenant, role);
  // The admin consents for the organization, which also creates the app's service principal
  // there (needed for app-only tokens); others consent for themselves.
  const grant = await signInForCode(
    m,
    tenant.id,
    user,
    PC_SCOPE,
    {},
    { consent: role === 'admin' ? 'accept-for-organization' : 'accept' },
  );
  const res = await tokenRequest(m, tenant.id, codeForm(m, grant));
  const token = res.json.access_token;
  if (res.status !== 200 || typeof token !== 'string')
    throw new Error(`token request failed: ${JSON.stringify(res.json)}`);
  return token;
}

/** An app-only (client credentials) Partner Center token in a tenant the portal app is consented in. */
export async function appToken(m: Manifest, tenantId: string): Promise<string> {
  const res = await tokenRequest(m, tenantId, {
    client_id: m.portalApp.clientId,
    client_secret: m.portalApp.clientSecret,
    grant_type: 'client_credentials',
    scope: 'https://api.partnercenter.microsoft.com/.default',
  });
  const token = res.json.access_token;
  if (res.status !== 200 || typeof token !== 'string')
    throw new Error(`client credentials failed: ${JSON.stringify(res.json)}`);
  return token;
}

export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
