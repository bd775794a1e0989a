import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { checkConnection } from '@/lib/connections/check-connection';
import type { ConnectionHealth } from '@/lib/connections/connection-health';
import { isConnectionError } from '@/lib/tokens/connection-error';

/**
 * `ok`: redeemed and rotated; `needs_human`: the stored sign-in is dead or lacks MFA, a person
 * must reconnect; `failed`: the check itself could not run (Entra, Key Vault or configuration),
 * so the connection may be fine.
 */
export type KeepaliveOutcome = 'ok' | 'needs_human' | 'failed';

export interface KeepaliveResult {
  tenantId: TenantId;
  orgName?: string;
  outcome: KeepaliveOutcome;
  /** The failure's stable code (an AADSTS advice code or an error code). */
  code?: string;
  /** When the newest refresh token was written back. */
  rotatedAt?: string;
  /** Days before the 90-day inactivity limit, counted from this redemption. */
  daysLeft?: number;
  /** The connection's health after the check, when it could be read. */
  health?: ConnectionHealth;
  /** What failed, for callers that describe it (the console); never shown in a browser. */
  error?: unknown;
}

const NEEDS_PERSON: ReadonlySet<ConnectionHealth['status']> = new Set([
  'revoked',
  'expired',
  'mfa_missing',
]);

/**
 * Keeps one connection alive: what "Check now" does (redeem the stored refresh token, write the
 * newest one back, record a failure in the connection's tags), then the health that results.
 * The keep-alive job and `csp keepalive` both run this, so they cannot disagree. Whether a
 * failure needs a person is read from the recorded health (lib/connections classifies the codes).
 */
export async function keepAliveConnection(
  tenantId: TenantId,
  now: () => number = Date.now,
): Promise<KeepaliveResult> {
  try {
    const { ok, code, health, error } = await checkConnection(tenantId, now);
    const base = { tenantId, orgName: health.orgName, health };
    if (!ok) {
      return {
        ...base,
        outcome: NEEDS_PERSON.has(health.status) ? 'needs_human' : 'failed',
        code,
        error,
      };
    }
    // Redeemed fine, but health still wants a person: the token was minted without MFA.
    if (health.advice?.needsReconnect)
      return { ...base, outcome: 'needs_human', code: health.advice.code };
    return { ...base, outcome: 'ok', rotatedAt: health.rotatedAt, daysLeft: health.daysLeft };
  } catch (e) {
    const missing = isConnectionError(e) && e.code === 'connection_missing';
    return {
      tenantId,
      outcome: missing ? 'needs_human' : 'failed',
      code:
        (e as { code?: unknown }).code === undefined
          ? 'unexpected_error'
          : String((e as { code: unknown }).code),
      error: e,
    };
  }
}
