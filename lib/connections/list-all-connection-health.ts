import 'server-only';
import { getRefreshTokenStore } from '@/lib/vault';
import { computeHealth } from './compute-health';
import type { ConnectionHealth } from './connection-health';

/**
 * Every connection's health, by organization name, from secret properties only (no refresh token
 * is read). No caller check: the operator view filters it, and the CLI's `connections` runs with
 * the vault's own credentials. Kept free of lib/auth so the CLI can load it outside Next.js.
 */
export async function listAllConnectionHealth(now = Date.now()): Promise<ConnectionHealth[]> {
  const all = await getRefreshTokenStore().list();
  return all
    .map((c) => computeHealth(c, now))
    .sort((a, b) => (a.orgName ?? a.tenantId).localeCompare(b.orgName ?? b.tenantId));
}
