import 'server-only';
import type { Env } from '@/lib/config/schema';
import { parseAadsts } from '@/lib/entra/to-entra-error';
import { fail, ok, type CheckResult } from './check-result';
import { describeError } from './describe-error';

const NAME = 'discovery';
const TIMEOUT_MS = 10_000;

export interface Discovery {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/**
 * The home tenant's OpenID configuration: the document MSAL and next-auth fetch first. Checking
 * the issuer here catches a wrong ENTRA_AUTHORITY_HOST (another cloud answers with its own host)
 * and a wrong ENTRA_HOME_TENANT_ID (Entra answers AADSTS90002) before anything more confusing fails.
 */
export async function checkDiscovery(
  config: Env,
): Promise<{ result: CheckResult; discovery?: Discovery }> {
  const tenant = config.ENTRA_HOME_TENANT_ID;
  const url = `${config.ENTRA_AUTHORITY_HOST}/${tenant}/v2.0/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (e) {
    return {
      result: fail(
        NAME,
        `${url} is unreachable (${describeError(e)})`,
        'check ENTRA_AUTHORITY_HOST, DNS, outbound HTTPS and any proxy from this host; a private CA needs NODE_EXTRA_CA_CERTS',
      ),
    };
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok || !body) {
    const aadsts = parseAadsts(
      typeof body?.error_description === 'string' ? body.error_description : undefined,
    );
    const why = aadsts ? `AADSTS${aadsts}` : `HTTP ${res.status}`;
    const fix =
      aadsts === 90002
        ? 'ENTRA_HOME_TENANT_ID is not a tenant of this cloud: use the Directory (tenant) ID of the app registration'
        : 'check ENTRA_AUTHORITY_HOST (docs/deploy-azure.md step 10) and ENTRA_HOME_TENANT_ID';
    return { result: fail(NAME, `${url} answered ${why}`, fix) };
  }
  const issuer = String(body.issuer ?? '');
  const expected = `${config.ENTRA_AUTHORITY_HOST}/${tenant}/v2.0`;
  if (issuer.toLowerCase() !== expected.toLowerCase()) {
    return {
      result: fail(
        NAME,
        `issuer is ${issuer || '(none)'}, expected ${expected}`,
        'ENTRA_AUTHORITY_HOST must be the host the tenant signs tokens with (docs/deploy-azure.md step 10)',
      ),
    };
  }
  const authorizationEndpoint = String(body.authorization_endpoint ?? '');
  const tokenEndpoint = String(body.token_endpoint ?? '');
  if (!authorizationEndpoint || !tokenEndpoint) {
    return {
      result: fail(
        NAME,
        `${url} lacks authorization_endpoint or token_endpoint`,
        'ENTRA_AUTHORITY_HOST does not point at an Entra ID authority',
      ),
    };
  }
  return {
    result: ok(NAME, `${url} answers with issuer ${issuer}`),
    discovery: { issuer, authorizationEndpoint, tokenEndpoint },
  };
}
