import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636: S256 compares base64url(SHA-256(verifier)) with the challenge; plain compares them as is. */
export function pkceMatches(
  challenge: string,
  method: 'S256' | 'plain',
  verifier: string,
): boolean {
  const derived =
    method === 'S256'
      ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
      : verifier;
  const a = Buffer.from(derived);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
