import { createHash } from 'node:crypto';
import { badInput } from './errors';

/**
 * Continuation tokens for `GET /v1/customers`: an offset into the query's result range plus a
 * hash of who asked and with which filter. Opaque to clients; a token replayed with another
 * filter or by another partner is refused rather than silently mis-paging.
 */
export function queryHash(partnerTenantId: string, filter: string | undefined): string {
  return createHash('sha256')
    .update(`${partnerTenantId}|${filter ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
}

export function encodeContinuation(offset: number, hash: string): string {
  return Buffer.from(`${offset}.${hash}`).toString('base64url');
}

export function decodeContinuation(token: string, expectedHash: string): number {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{16})$/.exec(decoded);
  if (!match) throw badInput('The continuation token is invalid.');
  if (match[2] !== expectedHash)
    throw badInput('The continuation token does not belong to this query.');
  return Number(match[1]);
}
