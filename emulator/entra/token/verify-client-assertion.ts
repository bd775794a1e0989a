import { constants, verify, X509Certificate } from 'node:crypto';
import type { AppRegistration, Directory } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import { assertionErrors } from '../http/aadsts-client-assertion';
import { EntraError } from '../http/entra-error';
import type { TenantPath } from '../http/tenant-path';
import { stringClaim, type DecodedAssertion } from './decode-client-assertion';
import { findKeyCredential } from './find-key-credential';

/** Tolerated difference between the client's clock and Entra's, on `nbf` and `exp`. */
export const ASSERTION_CLOCK_SKEW_SECONDS = 300;

/**
 * Certificate client authentication (private_key_jwt as Entra does it): `iss` = `sub` = the
 * client, a registered certificate named by `x5t#S256`/`x5t`, an RS256 or PS256 signature by
 * its key, the certificate within its validity, `aud` = the token endpoint the request was sent
 * to, and `nbf`..`exp` around the emulator's clock. `jti` is not checked for reuse: MSAL sends
 * the same assertion for up to ten minutes. Throws EntraError; never touches state.
 */
export function verifyClientAssertion(
  deps: Pick<EntraDeps, 'ctx' | 'directory'>,
  path: TenantPath,
  app: AppRegistration,
  assertion: DecodedAssertion,
): void {
  const { header, payload } = assertion;
  const iss = stringClaim(payload, 'iss');
  const sub = stringClaim(payload, 'sub');
  if (!iss || !sub) throw new EntraError(assertionErrors.malformed());
  if (iss !== sub) throw new EntraError(assertionErrors.subjectMismatchesIssuer());
  if (sub.toLowerCase() !== app.appId) throw new EntraError(assertionErrors.wrongClient());

  const { credential, thumbprint } = findKeyCredential(app, header);
  if (!credential) throw new EntraError(assertionErrors.keyNotFound(thumbprint, app.appId));
  if (!signatureValid(stringClaim(header, 'alg'), assertion, credential.key))
    throw new EntraError(assertionErrors.badSignature(thumbprint, app.appId, credential));
  const now = deps.ctx.clock.now();
  if (now < credential.startDateTime || now > credential.endDateTime)
    throw new EntraError(assertionErrors.keyExpired(thumbprint, app.appId, credential));

  if (!audienceMatches(payload.aud, deps.ctx.urls.entra, path, deps.directory))
    throw new EntraError(assertionErrors.wrongAudience());

  const exp = payload.exp;
  if (typeof exp !== 'number') throw new EntraError(assertionErrors.malformed());
  // Without `nbf` the assertion is valid from the epoch, as Entra's 700024 messages show.
  const nbf = typeof payload.nbf === 'number' ? payload.nbf : 0;
  const nowSeconds = now / 1000;
  if (
    nowSeconds + ASSERTION_CLOCK_SKEW_SECONDS < nbf ||
    nowSeconds - ASSERTION_CLOCK_SKEW_SECONDS >= exp
  )
    throw new EntraError(assertionErrors.outsideTimeRange(now, nbf * 1000, exp * 1000));
}

/** RS256 (PKCS#1 v1.5) or PS256 (PSS, salt = digest length) with the certificate's public key. */
function signatureValid(
  alg: string | undefined,
  a: DecodedAssertion,
  certificateBase64: string,
): boolean {
  const key = new X509Certificate(Buffer.from(certificateBase64, 'base64')).publicKey;
  const data = Buffer.from(a.signingInput, 'ascii');
  if (alg === 'RS256') return verify('sha256', data, key, a.signature);
  if (alg === 'PS256')
    return verify(
      'sha256',
      data,
      {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      },
      a.signature,
    );
  return false;
}

/**
 * `aud` must be this authority's v2 token endpoint for the tenant the request addresses: the
 * tenant's GUID or any verified domain for a tenant path, the same `organizations`/`common`
 * for a multi-tenant path. The issuer (`…/v2.0`), another host or another tenant is refused.
 */
function audienceMatches(
  aud: unknown,
  authority: string,
  path: TenantPath,
  directory: Directory,
): boolean {
  const values =
    typeof aud === 'string'
      ? [aud]
      : Array.isArray(aud)
        ? aud.filter((a): a is string => typeof a === 'string')
        : [];
  const origin = new URL(authority).origin;
  return values.some((value) => {
    const segment = tokenEndpointSegment(value, origin);
    if (segment === undefined) return false;
    if (path.kind === 'multi') return segment === path.segment;
    return directory.getTenant(segment)?.id === path.tenant.id;
  });
}

/** The `{tenant}` of `<origin>/{tenant}/oauth2/v2.0/token`, lower-cased; undefined for any other URL. */
function tokenEndpointSegment(value: string, origin: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.origin !== origin || url.search || url.hash) return undefined;
    const m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/i.exec(url.pathname);
    return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
