import 'server-only';
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { getConfig } from '@/lib/config';

const keys = new Map<string, Uint8Array>();

/**
 * A 256-bit key for one purpose, derived from NEXTAUTH_SECRET with HKDF, so the connect cookies
 * never share a key with the session cookie or with each other.
 */
function keyFor(purpose: string): Uint8Array {
  let key = keys.get(purpose);
  if (!key) {
    key = new Uint8Array(
      hkdfSync('sha256', getConfig().NEXTAUTH_SECRET, 'partner-portal', `connect:${purpose}`, 32),
    );
    keys.set(purpose, key);
  }
  return key;
}

/**
 * Encrypts and authenticates a small payload for a cookie (JWE, dir + A256GCM). The browser holds
 * it but can neither read nor alter it; `purpose` keeps one kind of cookie from being replayed
 * as another.
 */
export async function seal(
  purpose: string,
  payload: Record<string, unknown>,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .encrypt(keyFor(purpose));
}

/** The payload of a sealed value, or null when it is absent, tampered with, foreign or past its lifetime. */
export async function unseal(
  purpose: string,
  sealed: string | undefined,
  now = Date.now(),
): Promise<Record<string, unknown> | null> {
  if (!sealed) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, keyFor(purpose), { currentDate: new Date(now) });
    return payload;
  } catch {
    return null;
  }
}

/** Test hook: forget derived keys after NEXTAUTH_SECRET changes. */
export function resetSealKeysForTests(): void {
  keys.clear();
}
