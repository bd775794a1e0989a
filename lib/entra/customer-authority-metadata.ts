import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { EntraError } from './entra-error';
import { unreachableAdvice } from './aadsts-advice';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const openIdConfigurationSchema = z
  .object({
    issuer: z.string(),
    authorization_endpoint: z.string(),
    token_endpoint: z.string(),
    jwks_uri: z.string(),
  })
  .passthrough();

type OpenIdConfiguration = z.output<typeof openIdConfigurationSchema>;

/**
 * MSAL's authority metadata for a customer tenant, without a discovery call per customer: the
 * `organizations` authority's OpenID configuration is fetched once per process (its endpoints
 * name `organizations`, its issuer `{tenantid}`), and each customer's is that document with the
 * customer's tenant id put in. A sync over 50,000 customers then makes one discovery call, not
 * 50,000.
 */
export async function customerAuthorityMetadata(customerTenantId: string): Promise<string> {
  if (!GUID.test(customerTenantId)) throw new EntraError({ error: 'invalid_tenant_id' });
  const template = await organizationsConfiguration();
  const tid = customerTenantId.toLowerCase();
  const put = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.replace('/organizations/', `/${tid}/`).replace('{tenantid}', tid)
      : value;
  return JSON.stringify(
    Object.fromEntries(Object.entries(template).map(([key, value]) => [key, put(value)])),
  );
}

function organizationsConfiguration(): Promise<OpenIdConfiguration> {
  const holder = processSingleton<{ pending?: Promise<OpenIdConfiguration> }>(
    'entra.organizations-metadata',
    () => ({}),
  );
  if (!holder.pending) {
    holder.pending = fetchConfiguration().catch((e: unknown) => {
      holder.pending = undefined; // a failed fetch is retried by the next caller
      throw e;
    });
  }
  return holder.pending;
}

async function fetchConfiguration(): Promise<OpenIdConfiguration> {
  const url = `${getConfig().ENTRA_AUTHORITY_HOST}/organizations/v2.0/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    body = await response.json();
  } catch (cause) {
    throw new EntraError({ error: 'discovery_failed', advice: unreachableAdvice(), cause });
  }
  const parsed = openIdConfigurationSchema.safeParse(body);
  if (!parsed.success) throw new EntraError({ error: 'discovery_invalid' });
  return parsed.data;
}
