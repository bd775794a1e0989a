import { getConfig } from '@/lib/config';
import { unreachableAdvice } from '@/lib/entra/aadsts-advice';
import { EntraError } from '@/lib/entra/entra-error';
import { findGuid } from '@/lib/ids/guid';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { redactString } from '@/lib/log/redact';
import { CliError } from './cli-error';

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * `--tenant <id|domain>` → the partner tenant id (lower case). A GUID is taken as is; a verified
 * domain (contoso.onmicrosoft.com, contoso.com) is looked up the way Entra itself publishes it:
 * the tenant's OpenID discovery document, whose issuer names the tenant id. Works the same on
 * login.microsoftonline.com, a national cloud and the emulator.
 */
export async function resolveTenant(input: string): Promise<TenantId> {
  const value = input.trim();
  const id = parseTenantId(value);
  if (id) return id;
  if (!DOMAIN.test(value)) {
    throw new CliError(
      'invalid_tenant',
      `"${printable(value)}" is neither a tenant id (GUID) nor a domain name.`,
      'Example: --tenant contoso.onmicrosoft.com or --tenant 8a954e94-eed7-4377-a4a2-f87733d3a09a',
    );
  }
  return tenantIdOfDomain(value.toLowerCase());
}

async function tenantIdOfDomain(domain: string): Promise<TenantId> {
  const url = `${getConfig().ENTRA_AUTHORITY_HOST}/${encodeURIComponent(domain)}/v2.0/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (cause) {
    throw new EntraError({ error: 'discovery_unreachable', advice: unreachableAdvice(), cause });
  }
  // Entra answers an unknown domain with 400 (AADSTS90002, tenant not found).
  if (res.status === 400 || res.status === 404) {
    throw new CliError(
      'tenant_not_found',
      `No Entra tenant has the domain ${domain}.`,
      'Check the spelling, or pass the tenant id instead.',
    );
  }
  if (!res.ok)
    throw new EntraError({ error: `discovery_status_${res.status}`, advice: unreachableAdvice() });
  const { issuer } = (await res.json().catch(() => ({}))) as { issuer?: unknown };
  const tenantId = parseTenantId(typeof issuer === 'string' ? findGuid(issuer) : undefined);
  if (!tenantId)
    throw new EntraError({ error: 'discovery_without_tenant', advice: unreachableAdvice() });
  return tenantId;
}

/** Echoing user input into an error: nothing token-shaped, no control characters, bounded length. */
function printable(text: string): string {
  const clean = redactString(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
