import { createHash, randomBytes } from 'node:crypto';

/** Access-token lifetime in seconds; Entra's responses say 3599 for a one-hour token. */
export const ACCESS_TOKEN_SECONDS = 3599;
export const ID_TOKEN_SECONDS = 3600;

/** Pairwise `sub`: stable per user and app, different across apps, as Entra computes it. */
export function pairwiseSub(oid: string, appId: string): string {
  return createHash('sha256').update(`${oid}:${appId}`).digest('base64url').slice(0, 43);
}

/** Opaque per-token values Entra stamps on every token (`uti`, `aio`, `rh`). */
export function opaqueClaims() {
  return {
    aio: randomBytes(48).toString('base64url'),
    rh: `0.${randomBytes(24).toString('base64url')}.`,
    uti: randomBytes(16).toString('base64url'),
  };
}

export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export function v2Issuer(authorityHost: string, tenantId: string): string {
  return `${authorityHost}/${tenantId}/v2.0`;
}

/** base64url({"uid","utid"}): MSAL builds the account's homeAccountId from it. */
export function clientInfo(oid: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString('base64url');
}
