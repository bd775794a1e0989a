import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { randomUUID } from 'node:crypto';
import type { AlertNotice } from '@/lib/alerts/alert-notice';
import { postSignedNotice } from '@/lib/alerts/post-signed-notice';
import { getTenantWebhook } from '@/lib/alerts/tenant-webhook-store';
import { webhookPolicyFromConfig } from '@/lib/alerts/webhook-policy-from-config';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { getRefreshTokenStore } from '@/lib/vault';
import type { AccessRepository, DigestItem } from './access-repository';

const LISTED = 10;

/** The digest as one notice on the partner's alert channel (the alerts' formats and signing). */
export function digestNotice(
  tenantId: string,
  orgName: string | undefined,
  items: readonly DigestItem[],
  expiryDays: number,
  now: Date,
  portalUrl: string,
): AlertNotice {
  const expiring = items.filter((i) => i.kind === 'expiring');
  const lost = items.filter((i) => i.kind === 'consent_lost');
  const list = (xs: readonly DigestItem[]) =>
    xs
      .slice(0, LISTED)
      .map(
        (i) =>
          `${i.name || i.customerTenantId}${i.kind === 'expiring' ? ` (ends ${i.at.slice(0, 10)})` : ''}`,
      )
      .join(', ') + (xs.length > LISTED ? ` and ${xs.length - LISTED} more` : '');
  const parts = [
    expiring.length ? `GDAP expiring within ${expiryDays} days: ${list(expiring)}.` : '',
    lost.length ? `App consent lost: ${list(lost)}.` : '',
  ].filter(Boolean);
  return {
    event: 'alert.fired',
    alertId: null,
    kind: null,
    tenantId,
    orgName,
    occurredAt: now.toISOString(),
    advice: {
      code: 'access_digest',
      title: `Daily access digest: ${expiring.length} GDAP relationship(s) expiring, ${lost.length} app consent(s) lost`,
      fix: `${parts.join(' ')} Extend or renew the relationships in Partner Center; grant the consent again from the access view.`,
    },
    connectionsUrl: `${portalUrl}/dashboard/access`,
  };
}

/**
 * One partner's daily digest: news since the last digest (never states known at the first full
 * pass), sent once on its alert channel when there is any. No channel, or nothing new: nothing is
 * sent, and the mark still moves so tomorrow's digest does not repeat today's news.
 */
export async function sendAccessDigest(
  repo: AccessRepository,
  partnerTenantId: TenantId,
  now: Date = new Date(),
): Promise<'sent' | 'nothing-new' | 'no-channel' | 'no-baseline'> {
  const config = getConfig();
  const marks = await repo.digestMarks(partnerTenantId);
  if (!marks.baselineAt) return 'no-baseline';
  const since = new Date(Math.max(marks.baselineAt.getTime(), marks.lastDigestAt?.getTime() ?? 0));
  const items = await repo.digestItems(
    partnerTenantId,
    since,
    now,
    config.ACCESS_EXPIRY_WARNING_DAYS,
  );
  let outcome: 'sent' | 'nothing-new' | 'no-channel' = 'nothing-new';
  if (items.length) {
    const target = await getTenantWebhook(partnerTenantId);
    if (!target) outcome = 'no-channel';
    else {
      const record = await getRefreshTokenStore().get(partnerTenantId);
      const notice = digestNotice(
        partnerTenantId,
        record?.tags.orgName,
        items,
        config.ACCESS_EXPIRY_WARNING_DAYS,
        now,
        config.PORTAL_URL,
      );
      await postSignedNotice(target, notice, randomUUID(), webhookPolicyFromConfig(config));
      outcome = 'sent';
    }
  }
  await repo.writeSyncState(partnerTenantId, { lastDigestAt: now });
  log.info(
    { event: 'access_digest', tenantId: partnerTenantId, items: items.length, outcome },
    'access digest',
  );
  return outcome;
}
