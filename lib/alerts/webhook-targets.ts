import type { TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import type { WebhookFormat } from './alert-kinds';
import type { WebhookTarget } from './post-signed-notice';
import { getTenantWebhook, getTenantWebhookSummary } from './tenant-webhook-store';

/** Who receives a tenant's alerts: the operator's webhook (configuration) and the tenant's own (Key Vault). */
export type TargetName = 'operator' | 'tenant';

export async function targetsFor(
  tenantId: TenantId,
): Promise<Array<{ target: TargetName; format: WebhookFormat }>> {
  const config = getConfig();
  const out: Array<{ target: TargetName; format: WebhookFormat }> = [];
  if (config.ALERT_WEBHOOK_URL)
    out.push({ target: 'operator', format: config.ALERT_WEBHOOK_FORMAT });
  try {
    const own = await getTenantWebhookSummary(tenantId);
    if (own) out.push({ target: 'tenant', format: own.format });
  } catch (e) {
    // The operator still hears of it; the tenant's own webhook is skipped this time.
    log.warn(
      { event: 'alert_webhook_lookup_failed', tenantId, errorCode: (e as { code?: string }).code },
      'could not read the tenant webhook',
    );
  }
  return out;
}

/** The target's URL, secret and format at delivery time; null when it is no longer set. */
export async function loadTarget(
  target: TargetName,
  tenantId: TenantId,
): Promise<WebhookTarget | null> {
  if (target === 'tenant') return getTenantWebhook(tenantId);
  const config = getConfig();
  if (!config.ALERT_WEBHOOK_URL || !config.ALERT_WEBHOOK_SECRET) return null;
  return {
    url: config.ALERT_WEBHOOK_URL,
    signingSecret: config.ALERT_WEBHOOK_SECRET,
    format: config.ALERT_WEBHOOK_FORMAT,
  };
}
