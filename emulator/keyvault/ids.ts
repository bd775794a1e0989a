import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The vault URL as the client addressed it. The SDK derives `vaultUrl`, `name` and `version` by
 * parsing the `id`s we return, so they must carry the scheme, host and port the client used.
 */
export function vaultOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** Key Vault versions are 32 lower-case hex characters. */
export function newVersion(): string {
  return randomBytes(16).toString('hex');
}

export const secretId = (origin: string, name: string, version?: string) =>
  `${origin}/secrets/${name}${version ? `/${version}` : ''}`;

export const recoveryId = (origin: string, name: string) => `${origin}/deletedsecrets/${name}`;

/** Secret names: 1–127 letters, digits and dashes (about-keys-secrets-certificates.md). */
export const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;
