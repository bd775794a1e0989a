import { timingSafeEqual } from 'node:crypto';
import type { AppRegistration, Directory } from '../../directory/directory';
import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';
import type { TenantPath } from '../http/tenant-path';
import { canonicalSegment } from '../http/tenant-path';
import type { TokenForm } from './read-form';

interface BasicCredentials {
  clientId: string;
  secret: string;
}

/**
 * HTTP Basic per RFC 6749 §2.3.1: base64 of `urlencode(id):urlencode(secret)`. openid-client
 * form-encodes both halves (a `~` in a secret arrives as `%7E`), so decode after splitting.
 */
export function parseBasic(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) throw new EntraError(aadsts.malformedRequest());
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new EntraError(aadsts.malformedRequest());
  try {
    const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: dec(decoded.slice(0, colon)), secret: dec(decoded.slice(colon + 1)) };
  } catch {
    throw new EntraError(aadsts.malformedRequest());
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Identifies and authenticates the confidential client: secret in the body or in HTTP Basic.
 * The app must be usable in the tenant path (single-tenant apps only in their own tenant).
 */
export function authenticateClient(
  directory: Directory,
  path: TenantPath,
  form: TokenForm,
  authorization: string | undefined,
): AppRegistration {
  const basic = parseBasic(authorization);
  const clientId = basic?.clientId ?? form.client_id;
  if (!clientId) throw new EntraError(aadsts.missingParameter('client_id'));
  const app = directory.getApp(clientId);
  const segment = canonicalSegment(path);
  if (!app) throw new EntraError(aadsts.appNotFound(clientId, segment));
  if (
    app.signInAudience === 'AzureADMyOrg' &&
    (path.kind === 'multi' || path.tenant.id !== app.homeTenantId)
  ) {
    throw new EntraError(aadsts.appNotFound(clientId, segment));
  }
  // A body client_id naming another app than the Basic credentials cannot authenticate as either.
  if (basic && form.client_id && directory.getApp(form.client_id)?.appId !== app.appId) {
    throw new EntraError(aadsts.invalidClientSecret(form.client_id));
  }
  const secret = basic?.secret ?? form.client_secret;
  if (!secret) throw new EntraError(aadsts.missingClientSecret());
  if (!app.secrets.some((s) => sameSecret(s, secret)))
    throw new EntraError(aadsts.invalidClientSecret(app.appId));
  return app;
}
