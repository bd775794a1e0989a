import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Manifest } from '../support/manifest';

/**
 * Verifies a token's RS256 signature against the emulator's published JWKS for the tenant
 * (as a resource server would), with issuer and audience checks.
 */
export async function verifyWithJwks(
  m: Manifest,
  token: string,
  expect: { tenantId: string; issuer: string; audience: string },
): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(
    new URL(`${m.entra.authorityHost}/${expect.tenantId}/discovery/v2.0/keys`),
  );
  const { payload } = await jwtVerify(token, jwks, {
    issuer: expect.issuer,
    audience: expect.audience,
    algorithms: ['RS256'],
  });
  return payload;
}

export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export function v2Issuer(m: Manifest, tenantId: string): string {
  return `${m.entra.authorityHost}/${tenantId}/v2.0`;
}

/** v1 access tokens carry both `kid` and `x5t` in the header; v2 tokens only `kid`. */
export function headerOf(token: string) {
  return decodeProtectedHeader(token);
}

export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
export const PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';
export const KEY_VAULT = 'https://vault.azure.net';
