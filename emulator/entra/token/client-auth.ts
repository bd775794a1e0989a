import { timingSafeEqual } from 'node:crypto';
import type { AppRegistration } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { assertionErrors } from '../http/aadsts-client-assertion';
import { EntraError } from '../http/entra-error';
import type { TenantPath } from '../http/tenant-path';
import { canonicalSegment } from '../http/tenant-path';
import {
  decodeClientAssertion,
  JWT_BEARER,
  stringClaim,
  type DecodedAssertion,
} from './decode-client-assertion';
import type { TokenForm } from './read-form';
import { verifyClientAssertion } from './verify-client-assertion';

/** The app a token request authenticated as, and how: tokens carry it as `appidacr`/`azpacr`. */
export type AuthenticatedClient = AppRegistration & { authMethod: 'secret' | 'certificate' };

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
 * Identifies and authenticates the confidential client: a certificate assertion
 * (`client_assertion`), or the secret in the body or in HTTP Basic; more than one is refused.
 * The app must be usable in the tenant path (single-tenant apps only in their own tenant).
 */
export function authenticateClient(
  deps: Pick<EntraDeps, 'ctx' | 'directory'>,
  path: TenantPath,
  form: TokenForm,
  authorization: string | undefined,
): AuthenticatedClient {
  const { directory } = deps;
  const basic = parseBasic(authorization);
  const assertion = readAssertion(form);
  if (assertion && (basic || form.client_secret))
    throw new EntraError(assertionErrors.bothCredentials());
  // Without client_id the assertion's subject names the client (RFC 7523 §3; MSAL always sends both).
  const clientId =
    basic?.clientId ?? form.client_id ?? (assertion && stringClaim(assertion.payload, 'sub'));
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
  if (assertion) {
    verifyClientAssertion(deps, path, app, assertion);
    return { ...app, authMethod: 'certificate' };
  }
  // A body client_id naming another app than the Basic credentials cannot authenticate as either.
  if (basic && form.client_id && directory.getApp(form.client_id)?.appId !== app.appId) {
    throw new EntraError(aadsts.invalidClientSecret(form.client_id));
  }
  const secret = basic?.secret ?? form.client_secret;
  if (!secret) throw new EntraError(aadsts.missingClientSecret());
  if (!app.secrets.some((s) => sameSecret(s, secret)))
    throw new EntraError(aadsts.invalidClientSecret(app.appId));
  return { ...app, authMethod: 'secret' };
}

/** The decoded `client_assertion`, when one is sent; its type must be jwt-bearer. */
function readAssertion(form: TokenForm): DecodedAssertion | undefined {
  const jwt = form.client_assertion;
  if (!jwt) return undefined;
  const type = form.client_assertion_type;
  if (!type) throw new EntraError(aadsts.missingParameter('client_assertion_type'));
  if (type !== JWT_BEARER) throw new EntraError(aadsts.malformedRequest());
  return decodeClientAssertion(jwt);
}
