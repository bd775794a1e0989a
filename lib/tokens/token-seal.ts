import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Access tokens shared between portal instances travel through the database, so they are
 * sealed first: AES-256-GCM with a random 96-bit IV, under a key from configuration that carries
 * a key id. The associated data binds each sealed token to its (partner tenant, resource) and its
 * expiry, so a row copied onto another tenant's key, or given a later expiry, fails to open.
 * Refresh tokens are never sealed here: they never leave Key Vault.
 */
export interface TokenKey {
  /** Stored beside each sealed token; a row under another id is dropped, not opened. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface SealedToken {
  keyId: string;
  /** iv (12) ‖ tag (16) ‖ ciphertext. */
  sealed: Buffer;
}

export interface TokenBinding {
  tenantId: string;
  resource: string;
  /** ms since epoch, as stored beside the row. */
  expiresAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

function associatedData(binding: TokenBinding): Buffer {
  return Buffer.from(
    `partner-portal/access-token/v1\n${binding.tenantId.toLowerCase()}\n${binding.resource}\n${binding.expiresAt}`,
    'utf8',
  );
}

export function sealToken(key: TokenKey, binding: TokenBinding, token: string): SealedToken {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(associatedData(binding));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return { keyId: key.id, sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) };
}

/**
 * The token, or undefined when the row was sealed under another key id, was tampered with, or
 * belongs to another binding. Callers delete such rows: access tokens are short-lived, and the
 * next redemption writes a fresh one.
 */
export function openToken(
  key: TokenKey,
  binding: TokenBinding,
  row: SealedToken,
): string | undefined {
  if (row.keyId !== key.id || row.sealed.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, row.sealed.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(row.sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(row.sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The sealing key from configuration: TOKEN_ENCRYPTION_KEY (base64 of 32 bytes) with
 * TOKEN_ENCRYPTION_KEY_ID; without them, a key derived from NEXTAUTH_SECRET (which every
 * instance already shares) whose id is a fingerprint of the key, so changing the secret also
 * retires every row sealed under the old one.
 */
export function tokenKeyFrom(config: {
  TOKEN_ENCRYPTION_KEY?: string;
  TOKEN_ENCRYPTION_KEY_ID?: string;
  NEXTAUTH_SECRET: string;
}): TokenKey {
  const key = config.TOKEN_ENCRYPTION_KEY
    ? Buffer.from(config.TOKEN_ENCRYPTION_KEY, 'base64')
    : Buffer.from(
        hkdfSync('sha256', config.NEXTAUTH_SECRET, 'partner-portal', 'shared-access-tokens', 32),
      );
  if (key.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  const id = config.TOKEN_ENCRYPTION_KEY_ID ?? fingerprint(key);
  if (!KEY_ID.test(id)) throw new Error('TOKEN_ENCRYPTION_KEY_ID must match [A-Za-z0-9._-]{1,32}');
  return { id, key };
}

/** A short, one-way id for a key (the first 12 hex digits of SHA-256 over a label and the key). */
function fingerprint(key: Buffer): string {
  return `fp-${createHash('sha256').update('partner-portal/token-key-id\n').update(key).digest('hex').slice(0, 12)}`;
}
