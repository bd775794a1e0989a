import type { TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { recordActivity } from '@/lib/activity';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { assertCanAdminister } from '@/lib/connections/connection-access';
import { withDatabase } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { noticeFor } from './deliveries';
import { postSignedNotice } from './post-signed-notice';
import { getTenantWebhook } from './tenant-webhook-store';
import { isWebhookError, WebhookError } from './webhook-error';
import { webhookPolicyFromConfig } from './webhook-policy-from-config';

/**
 * "Send a test alert": one signed message to the admin's own tenant webhook, at once and
 * without retries (the admin is waiting for the answer), recorded like every delivery.
 *
 * @throws AppError `webhook_not_set`, or the WebhookError of the failed attempt.
 */
export async function sendTestAlert(
  user: SessionUser,
  tenantId: TenantId,
): Promise<{ httpStatus: number }> {
  assertCanAdminister(user, tenantId);
  const tenant = tenantId;
  const webhook = await getTenantWebhook(tenant);
  if (!webhook)
    throw new AppError('webhook_not_set', 'Set your webhook first, then send a test alert.', 400);
  return withDatabase(async (db) => {
    const { id } = await db
      .insertInto('alerts_delivery')
      .values({
        alert_id: null,
        partner_tenant_id: tenant,
        event: 'alert.test',
        target: 'tenant',
        format: webhook.format,
        status: 'pending',
        attempts: 1,
        last_http_status: null,
        last_error_code: null,
        delivered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let failure: unknown;
    let httpStatus: number | undefined;
    try {
      httpStatus = await postSignedNotice(
        webhook,
        await noticeFor(db, tenant, null, 'alert.test'),
        id,
        webhookPolicyFromConfig(getConfig()),
      );
    } catch (e) {
      failure = e;
    }
    const code = failure ? (isWebhookError(failure) ? failure.code : 'webhook_unreachable') : null;
    const refused = code === 'webhook_address_refused';
    await db
      .updateTable('alerts_delivery')
      .set({
        status: failure ? (refused ? 'refused' : 'failed') : 'delivered',
        last_http_status: isWebhookError(failure)
          ? (failure.httpStatus ?? null)
          : (httpStatus ?? null),
        last_error_code: code,
        updated_at: new Date(),
        delivered_at: failure ? null : new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordActivity(
      {
        kind: 'alert_sent',
        result: failure ? (refused ? 'refused' : 'failed') : 'success',
        actor: { type: 'user', upn: user.upn, oid: user.oid, tenantId: user.tid },
        partnerTenantId: tenant,
        errorCode: code,
      },
      db,
    );
    if (failure) throw isWebhookError(failure) ? failure : new WebhookError('webhook_unreachable');
    return { httpStatus: httpStatus! };
  });
}
