import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { recordActivity } from '@/lib/activity';
import type { SessionUser } from '@/lib/auth';
import { log } from '@/lib/log';
import { isConnectionError } from '@/lib/tokens';
import { checkConnection, type CheckOutcome } from './check-connection';
import { assertCanAdminister, connectionNotFound } from './connection-access';

export type { CheckOutcome } from './check-connection';

/**
 * "Check now" on the connections page: an admin of the tenant redeems and rotates its stored
 * refresh token (see checkConnection), with an audit event.
 */
export async function checkConnectionNow(
  user: SessionUser,
  tenantId: TenantId,
  now = Date.now,
): Promise<CheckOutcome> {
  assertCanAdminister(user, tenantId);
  let outcome: CheckOutcome;
  try {
    const { ok, code, health } = await checkConnection(tenantId, now);
    outcome = { ok, code, health };
  } catch (e) {
    if (isConnectionError(e) && e.code === 'connection_missing') throw connectionNotFound();
    throw e;
  }
  await recordActivity({
    kind: 'check',
    result: outcome.ok ? 'success' : 'failed',
    actor: { type: 'user', upn: user.upn, oid: user.oid, tenantId: user.tid },
    partnerTenantId: tenantId,
    errorCode: outcome.code ?? null,
  });
  log.info(
    {
      event: 'connection_checked',
      audit: true,
      tenantId,
      ok: outcome.ok,
      errorCode: outcome.code,
      actor: { oid: user.oid, tid: user.tid },
    },
    'connection checked',
  );
  return outcome;
}
