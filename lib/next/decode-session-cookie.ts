import { decode } from 'next-auth/jwt';
import { toSessionUser, type SessionUser } from '@/lib/auth/session-user';

/**
 * Decoded session cookies, by the cookie's exact (encrypted, authenticated) value, until the
 * JWT inside expires. next-auth's getServerSession runs its whole session action on every
 * request: a fresh CSRF token, an HKDF key derivation and decryption, then a re-encryption of a
 * cookie that a server component cannot even set (the bench's CPU profile showed it on every
 * dashboard render). A cookie's value never changes meaning, so decrypting it once per session
 * is enough. Bounded: past MAX_SESSIONS the oldest entry goes first.
 */
const decoded = new Map<string, { user: SessionUser; expiresAt: number }>();
const MAX_SESSIONS = 1000;

/** The SessionUser in a session cookie, or null when it is tampered, expired or malformed. */
export async function userFromSessionCookie(
  value: string,
  secret: string,
): Promise<SessionUser | null> {
  const hit = decoded.get(value);
  if (hit && hit.expiresAt > Date.now()) return hit.user;
  decoded.delete(value);
  // next-auth's own decoder (A256GCM JWE under a key derived from the secret) rejects a
  // tampered or expired token with null or a throw: both count as signed out.
  const token = await decode({ token: value, secret }).catch(() => null);
  const user = toSessionUser(token);
  const expiresAt = typeof token?.exp === 'number' ? token.exp * 1000 : 0;
  if (!user || expiresAt <= Date.now()) return null;
  if (decoded.size >= MAX_SESSIONS) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { user, expiresAt });
  return user;
}
