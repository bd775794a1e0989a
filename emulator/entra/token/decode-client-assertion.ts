import { EntraError } from '../http/entra-error';
import { assertionErrors } from '../http/aadsts-client-assertion';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface DecodedAssertion {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `<header>.<payload>` as sent: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function json(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** Splits a compact JWS into header, claims and signature; anything else is AADSTS50027. */
export function decodeClientAssertion(jwt: string): DecodedAssertion {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p)))
    throw new EntraError(assertionErrors.malformed());
  const [h, p, s] = parts as [string, string, string];
  try {
    return {
      header: json(h),
      payload: json(p),
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, 'base64url'),
    };
  } catch {
    throw new EntraError(assertionErrors.malformed());
  }
}

/** A string claim, or undefined when absent or not a string. */
export function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' ? v : undefined;
}
