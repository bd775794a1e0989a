import 'server-only';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

const sets = new Map<string, JWTVerifyGetKey>();

/**
 * A cached remote key set per JWKS URL. jose refetches on an unknown `kid` (key rollover) and at
 * most every 30 s, so a forged token cannot make us hammer Entra.
 */
export function getJwks(jwksUri: string): JWTVerifyGetKey {
  let set = sets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: 30_000,
      cacheMaxAge: 24 * 60 * 60 * 1000,
    });
    sets.set(jwksUri, set);
  }
  return set;
}
