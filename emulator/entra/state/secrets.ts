import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Codes and refresh tokens are stored only as hashes, so the state file holds no usable token. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** An opaque, long authorization code (Entra's start with `1.A`, and are not JWTs). */
export function newAuthCode(): string {
  return `1.AQ${randomBytes(96).toString('base64url')}`;
}

/** An opaque, long refresh token, never a JWT. */
export function newRefreshToken(): string {
  return `1.AR${randomBytes(192).toString('base64url')}`;
}

export function newId(): string {
  return randomBytes(24).toString('base64url');
}

export { randomUUID };
