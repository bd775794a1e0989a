import 'server-only';
import { getConfig } from '@/lib/config';
import { listAllConnectionHealth } from '@/lib/connections/list-all-connection-health';
import { withDatabase } from '@/lib/db';
import { log } from '@/lib/log';
import { dispatchMessages, requeueStaleDeliveries } from './deliveries';
import {
  forgetConnectionsExcept,
  observeConnection,
  type AlertMessage,
  type Observation,
} from './observe-connection';

/**
 * Feeds observations to the alert rules and sends what they decide. Used after each check
 * (keep-alive, "Check now") with its result, and by the periodic sync without one.
 */
export async function observeConnections(
  observations: readonly Observation[],
): Promise<AlertMessage[]> {
  const threshold = getConfig().ALERT_EXPIRY_THRESHOLD_DAYS;
  return withDatabase(async (db) => {
    const messages: AlertMessage[] = [];
    for (const o of observations) messages.push(...(await observeConnection(db, o, threshold)));
    await dispatchMessages(db, messages);
    return messages;
  });
}

/**
 * The `alerts.sync` job: every connection's health from Key Vault tags and the clock (no token
 * is redeemed), so expiry thresholds crossed by time alone and failures recorded by the token
 * broker raise their alert; disconnected connections are forgotten; stale deliveries requeued.
 */
export async function syncAlerts(now = Date.now()): Promise<AlertMessage[]> {
  const healths = await listAllConnectionHealth(now);
  const messages = await observeConnections(healths.map((health) => ({ health })));
  await withDatabase(async (db) => {
    await forgetConnectionsExcept(
      db,
      healths.map((h) => h.tenantId),
    );
    const requeued = await requeueStaleDeliveries(db);
    log.info(
      { event: 'alerts_synced', connections: healths.length, messages: messages.length, requeued },
      'alerts synced',
    );
  });
  return messages;
}

/**
 * "Check now" feeds its result to the alert rules. Never throws: the check itself happened and
 * its page must say so even when the database is down (the next sync catches up).
 */
export async function observeCheckQuietly(observation: Observation): Promise<void> {
  try {
    await observeConnections([observation]);
  } catch (e) {
    log.warn(
      {
        event: 'alert_observe_failed',
        tenantId: observation.health.tenantId,
        errorCode: (e as { code?: string }).code,
      },
      'check result not seen by the alert rules',
    );
  }
}
