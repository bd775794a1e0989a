import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { grantEffectOf } from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import { isAppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { ConnectionError, getTokenBroker, isConnectionError } from '@/lib/tokens';
import { getRefreshTokenStore } from '@/lib/vault';
import type { ConnectionHealth } from './connection-health';
import { readConnectionHealth } from './read-connection-health';

export interface CheckOutcome {
  ok: boolean;
  /** The failure's stable code when `ok` is false. */
  code?: string;
  health: ConnectionHealth;
}

/**
 * Redeems the stored refresh token at once and writes the rotated one back (the token broker
 * does both and marks dead grants). A failure the broker does not record (MFA demanded, Entra
 * unreachable, a bad client secret) is recorded here, so health shows it. No caller check:
 * "Check now" wraps it with one; the CLI's keepalive runs it for every connection (hence no
 * lib/auth import here). `error` is what failed, for callers that classify it; it never goes
 * to a browser.
 *
 * @throws ConnectionError `connection_missing` when the tenant has no stored connection.
 */
export async function checkConnection(
  tenantId: TenantId,
  now = Date.now,
): Promise<CheckOutcome & { error?: unknown }> {
  let failure: string | undefined;
  let error: unknown;
  try {
    await getTokenBroker().redeemNow(tenantId);
  } catch (e) {
    if (isConnectionError(e) && e.code === 'connection_missing') throw e;
    error = e;
    failure = isConnectionError(e)
      ? (e.advice?.code ?? e.code)
      : isAppError(e)
        ? e.code
        : 'unexpected_error';
    if (isEntraError(e)) await recordFailure(tenantId, e.aadsts, e.code, now());
    log.warn(
      { event: 'connection_check_failed', tenantId, errorCode: failure, cause: e },
      'check now failed',
    );
  }
  const health = await readConnectionHealth(tenantId, now());
  if (!health) throw new ConnectionError('connection_missing', tenantId);
  return { ok: !failure, code: failure, health, error };
}

async function recordFailure(
  tenantId: TenantId,
  aadsts: number | undefined,
  code: string,
  at: number,
): Promise<void> {
  const status = grantEffectOf(aadsts) === 'mfa_required' ? 'mfa_missing' : 'error';
  await getRefreshTokenStore()
    .updateTags(tenantId, { status, lastErrorCode: code, lastErrorAt: new Date(at).toISOString() })
    .catch((e: unknown) =>
      log.warn(
        { event: 'connection_tag_update_failed', tenantId, cause: e },
        'could not record the check failure',
      ),
    );
}
