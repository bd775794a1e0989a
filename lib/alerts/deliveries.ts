import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { sql, type Kysely } from 'kysely';
import { recordActivity } from '@/lib/activity';
import { getConfig } from '@/lib/config';
import { readConnectionHealth } from '@/lib/connections/read-connection-health';
import type { Database } from '@/lib/db';
import { getJobRunner } from '@/lib/jobs';
import { log } from '@/lib/log';
import { isAlertKind, type AlertEvent } from './alert-kinds';
import type { AlertNotice } from './alert-notice';
import type { AlertMessage } from './observe-connection';
import { postSignedNotice } from './post-signed-notice';
import { isWebhookError } from './webhook-error';
import { webhookPolicyFromConfig } from './webhook-policy-from-config';
import { loadTarget, targetsFor, type TargetName } from './webhook-targets';

export const DELIVER_JOB = 'alerts.deliver';

export interface DeliverJobData {
  deliveryId: string;
  /** Which attempt this run is (1 = the first); a run whose attempt was already made skips. */
  attempt: number;
}

/**
 * Records one pending delivery per target for each message and queues its first attempt. The
 * rows are the record of every delivery: attempts, the receiver's last status, the outcome.
 */
export async function dispatchMessages(
  db: Kysely<Database>,
  messages: readonly AlertMessage[],
): Promise<void> {
  for (const m of messages) {
    for (const { target, format } of await targetsFor(toTenantId(m.tenantId))) {
      const { id } = await db
        .insertInto('alerts_delivery')
        .values({
          alert_id: m.alertId,
          partner_tenant_id: m.tenantId,
          event: m.event,
          target,
          format,
          status: 'pending',
          last_http_status: null,
          last_error_code: null,
          delivered_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueAttempt(id, 1, 0);
    }
  }
}

/**
 * Queues an attempt on the job system; any portal process's worker runs it. A process without
 * a job runner (the console) leaves the delivery pending for the alert sync to queue.
 */
async function enqueueAttempt(deliveryId: string, attempt: number, afterSeconds: number) {
  const runner = getJobRunner();
  if (!runner) {
    log.info(
      { event: 'alert_delivery_deferred', deliveryId },
      'no job runner here; delivery left pending',
    );
    return;
  }
  await runner.boss.send(DELIVER_JOB, { deliveryId, attempt } satisfies DeliverJobData, {
    startAfter: afterSeconds,
    singletonKey: `${deliveryId}:${attempt}`,
  });
}

/**
 * One attempt of one delivery (the `alerts.deliver` job). It claims the attempt (so a duplicate
 * run does nothing), signs and sends, and records the outcome. A retryable failure queues the
 * next attempt after ALERT_DELIVERY_RETRY_DELAY_SECONDS, doubling each time, up to
 * ALERT_DELIVERY_RETRY_LIMIT retries; a refusal (address policy, redirect, 4xx) is final.
 */
export async function deliverAttempt(db: Kysely<Database>, data: DeliverJobData): Promise<void> {
  const delivery = await db
    .updateTable('alerts_delivery')
    .set({ attempts: data.attempt, updated_at: new Date() })
    .where('id', '=', data.deliveryId)
    .where('status', '=', 'pending')
    .where('attempts', '=', data.attempt - 1)
    .returningAll()
    .executeTakeFirst();
  if (!delivery) return;
  const config = getConfig();
  const event = delivery.event as AlertEvent;

  let code: string | undefined;
  let httpStatus: number | undefined;
  let retryable = false;
  try {
    const target = await loadTarget(
      delivery.target as TargetName,
      toTenantId(delivery.partner_tenant_id),
    );
    if (!target) code = 'webhook_not_set';
    else {
      httpStatus = await postSignedNotice(
        { ...target },
        await noticeFor(db, toTenantId(delivery.partner_tenant_id), delivery.alert_id, event),
        delivery.id,
        webhookPolicyFromConfig(config),
      );
    }
  } catch (e) {
    code = isWebhookError(e) ? e.code : ((e as { code?: string }).code ?? 'unexpected_error');
    httpStatus = isWebhookError(e) ? e.httpStatus : undefined;
    retryable = isWebhookError(e) ? e.retryable : true;
  }

  const retryAgain =
    code !== undefined && retryable && data.attempt <= config.ALERT_DELIVERY_RETRY_LIMIT;
  const status =
    code === undefined
      ? 'delivered'
      : retryAgain
        ? 'pending'
        : refusal(code)
          ? 'refused'
          : 'failed';
  // The activity row first: once the delivery reads final, its row exists.
  if (!retryAgain && event !== 'alert.test')
    await recordActivity(
      {
        kind: event === 'alert.resolved' ? 'alert_resolved' : 'alert_sent',
        result: status === 'delivered' ? 'success' : status === 'refused' ? 'refused' : 'failed',
        actor: { type: 'job' },
        partnerTenantId: delivery.partner_tenant_id,
        errorCode: code ?? null,
      },
      db,
    );
  await db
    .updateTable('alerts_delivery')
    .set({
      status,
      last_http_status: httpStatus ?? null,
      last_error_code: code ?? null,
      updated_at: new Date(),
      delivered_at: status === 'delivered' ? new Date() : null,
    })
    .where('id', '=', delivery.id)
    .execute();
  log.info(
    {
      event: 'alert_delivery',
      deliveryId: delivery.id,
      tenantId: delivery.partner_tenant_id,
      target: delivery.target,
      attempt: data.attempt,
      status,
      errorCode: code,
      httpStatus,
    },
    'alert delivery attempt',
  );
  if (retryAgain) {
    const delay = config.ALERT_DELIVERY_RETRY_DELAY_SECONDS * 2 ** (data.attempt - 1);
    await enqueueAttempt(delivery.id, data.attempt + 1, delay);
    return;
  }
}

/** Refused by the address policy or the receiver itself: no retry will change it. */
function refusal(code: string): boolean {
  return (
    code === 'webhook_address_refused' ||
    code === 'webhook_not_https' ||
    code === 'webhook_credentials_in_url'
  );
}

/** The message's content, from the alert's row and the connection's current health. */
export async function noticeFor(
  db: Kysely<Database>,
  tenantId: TenantId,
  alertId: string | null,
  event: AlertEvent,
): Promise<AlertNotice> {
  const alert = alertId
    ? await db.selectFrom('alerts_alert').selectAll().where('id', '=', alertId).executeTakeFirst()
    : undefined;
  // Names and advice come from Key Vault tags; a message still goes out without them.
  const health = await readConnectionHealth(tenantId).catch(() => null);
  const kind = alert && isAlertKind(alert.kind) ? alert.kind : null;
  return {
    event,
    alertId,
    kind,
    tenantId,
    orgName: health?.orgName,
    // As when the alert opened (a retry hours later still reports what triggered it).
    daysLeft: kind === 'expiring' ? (alert?.days_left ?? health?.daysLeft) : undefined,
    occurredAt: new Date(alert?.opened_at ?? Date.now()).toISOString(),
    resolvedAt: alert?.resolved_at ? new Date(alert.resolved_at).toISOString() : undefined,
    advice:
      event === 'alert.fired' && health?.advice
        ? { code: health.advice.code, title: health.advice.title, fix: health.advice.fix }
        : undefined,
    connectionsUrl: `${getConfig().PORTAL_URL}/connections`,
  };
}

/**
 * Deliveries left pending longer than their back-off allows (queued by a process without a job
 * runner, or lost with a crashed process) are queued again; the attempt claim makes a duplicate
 * harmless.
 */
export async function requeueStaleDeliveries(db: Kysely<Database>): Promise<number> {
  const delay = getConfig().ALERT_DELIVERY_RETRY_DELAY_SECONDS;
  const stale = await db
    .selectFrom('alerts_delivery')
    .select(['id', 'attempts'])
    .where('status', '=', 'pending')
    .where(
      'updated_at',
      '<',
      // Never attempted: a minute; after an attempt: its back-off plus ten minutes.
      sql<Date>`now() - make_interval(secs => case when attempts = 0 then 60 else ${delay} * power(2, attempts) + 600 end)`,
    )
    .limit(100)
    .execute();
  for (const d of stale) await enqueueAttempt(d.id, d.attempts + 1, 0);
  return stale.length;
}
