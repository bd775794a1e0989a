import 'server-only';
import { decodeJwt } from 'jose';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { EntraError } from './entra-error';

export interface AccessTokenClaims {
  tid: TenantId;
  oid: string;
  upn?: string;
  /** Authentication methods (v1 tokens only, such as Partner Center's); empty when absent. */
  amr: string[];
  scp?: string;
}

/**
 * The claims we rely on from an access token we just received from the token endpoint over TLS.
 * Not a signature check: the token came straight from Entra to us, and its audience (Partner
 * Center) is the one that validates it. We read `amr` here because only v1 access tokens carry it.
 */
export function readAccessTokenClaims(accessToken: string): AccessTokenClaims {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(accessToken);
  } catch (cause) {
    throw new EntraError({ error: 'malformed_access_token', cause });
  }
  const {
    tid,
    oid,
    upn,
    unique_name: uniqueName,
    preferred_username: preferred,
    amr,
    scp,
  } = payload;
  const tenantId = parseTenantId(tid);
  if (!tenantId || typeof oid !== 'string') {
    throw new EntraError({ error: 'access_token_without_tid_or_oid' });
  }
  return {
    tid: tenantId,
    oid,
    upn: firstString(upn, uniqueName, preferred),
    amr: Array.isArray(amr) ? amr.filter((a): a is string => typeof a === 'string') : [],
    scp: typeof scp === 'string' ? scp : undefined,
  };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.length > 0);
}
