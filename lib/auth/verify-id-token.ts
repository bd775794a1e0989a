import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '@/lib/errors/app-error';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';

export interface VerifiedIdToken {
  tid: TenantId;
  oid: string;
  name: string;
  upn: string;
  roles: string[];
  /** Directory role template ids; empty unless the app registration emits them. */
  wids: string[];
}

export interface VerifyIdTokenOptions {
  /** The portal's client id: the only acceptable audience. */
  clientId: string;
  /** e.g. https://login.microsoftonline.com; the issuer must be `<host>/<tid>/v2.0`. */
  authorityHost: string;
  /** The nonce sent with this sign-in; the token must echo it. */
  nonce?: string;
  /** For tests: the time to validate `exp`/`nbf` against. */
  currentDate?: Date;
}

/**
 * Validates an Entra v2 ID token from the multi-tenant (`organizations`) endpoint: RS256
 * signature against the JWKS, audience, expiry, nonce, and then Microsoft's multi-tenant issuer
 * rule: `tid` is a GUID and `iss` is exactly `<authority host>/<tid>/v2.0`. openid-client only
 * applies that rule on Microsoft's own hostnames, so we apply it here for every host alike.
 *
 * @throws AppError `auth_invalid_id_token` with a reason safe to log.
 */
export async function verifyIdToken(
  idToken: string,
  keys: JWTVerifyGetKey,
  opts: VerifyIdTokenOptions,
): Promise<VerifiedIdToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      algorithms: ['RS256'],
      audience: opts.clientId,
      clockTolerance: 10,
      currentDate: opts.currentDate,
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'tid'],
    }));
  } catch (cause) {
    throw invalid(describeJoseError(cause), cause);
  }

  const { tid: rawTid, iss, oid, nonce } = payload;
  const tid = parseTenantId(rawTid);
  if (!tid) throw invalid('tid is not a tenant GUID');
  // Entra writes the tid in the issuer exactly as in the claim (lower case).
  const expectedIssuer = `${opts.authorityHost.replace(/\/+$/, '')}/${String(rawTid)}/v2.0`;
  if (iss !== expectedIssuer)
    throw invalid(`issuer ${String(iss)} does not match ${expectedIssuer}`);
  if (opts.nonce !== undefined && nonce !== opts.nonce) throw invalid('nonce mismatch');
  if (typeof oid !== 'string' || !oid)
    throw invalid('oid claim missing (the profile scope is required)');

  return readIdentity(payload);
}

/** The identity fields of ID-token claims (already verified by the caller). */
export function readIdentity(payload: Record<string, unknown>): VerifiedIdToken {
  const tid = parseTenantId(payload.tid);
  if (!tid) throw invalid('tid is not a tenant GUID');
  return {
    tid,
    oid: String(payload.oid),
    name: str(payload.name) ?? '',
    upn: str(payload.preferred_username) ?? str(payload.upn) ?? str(payload.email) ?? '',
    roles: strings(payload.roles),
    wids: strings(payload.wids),
  };
}

function invalid(reason: string, cause?: unknown): AppError {
  return new AppError('auth_invalid_id_token', `The sign-in token was rejected: ${reason}.`, 401, {
    cause,
  });
}

function describeJoseError(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'token expired';
  if (e instanceof joseErrors.JWTClaimValidationFailed)
    return `claim ${e.claim} failed (${e.reason})`;
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (e instanceof joseErrors.JWKSNoMatchingKey) return 'signed with an unknown key';
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  return 'malformed token';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
