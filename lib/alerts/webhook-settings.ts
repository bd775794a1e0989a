import type { TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { assertCanAdminister } from '@/lib/connections/connection-access';
import { AppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { isWebhookFormat, type WebhookFormat } from './alert-kinds';
import {
  getTenantWebhookSummary,
  removeTenantWebhook,
  saveTenantWebhook,
  type TenantWebhookSummary,
} from './tenant-webhook-store';
import { parseWebhookUrl, refuseAddress } from './webhook-address-policy';
import { WebhookError } from './webhook-error';
import { webhookPolicyFromConfig } from './webhook-policy-from-config';

const MIN_SECRET = 32;
const MAX_SECRET = 256;
/** Printable ASCII without spaces: what a receiver's configuration can hold as typed. */
const SECRET_SHAPE = new RegExp(`^[\\x21-\\x7e]{${MIN_SECRET},${MAX_SECRET}}$`);

/** The webhook of the admin's own tenant, as the page shows it (no URL, no secret). */
export async function readWebhookSettings(
  user: SessionUser,
  tenantId: TenantId,
): Promise<TenantWebhookSummary | null> {
  assertCanAdminister(user, tenantId);
  return getTenantWebhookSummary(tenantId);
}

/**
 * A partner admin sets their own tenant's webhook: https only, a public address (checked again
 * at every delivery), and a signing secret. The generic format needs the admin's own secret,
 * because their receiver verifies with it; Slack and Teams cannot verify, so one is generated.
 */
export async function saveWebhookSettings(
  user: SessionUser,
  tenantId: TenantId,
  input: { url?: string; format?: string; signingSecret?: string },
): Promise<TenantWebhookSummary> {
  assertCanAdminister(user, tenantId);
  // Required, not defaulted: a field the form reader dropped (oversized) must not pass as "generic".
  const format = input.format;
  if (!isWebhookFormat(format))
    throw new AppError(
      'webhook_invalid_format',
      'Choose the webhook format: generic, Slack, or Teams Workflows.',
    );
  const policy = webhookPolicyFromConfig(getConfig());
  const url = parseWebhookUrl(input.url ?? '', policy);
  const signingSecret = signingSecretFor(format, input.signingSecret ?? '');
  await refuseIfResolvesInside(url.hostname, policy.allowLoopback);
  const summary = await saveTenantWebhook(
    tenantId,
    { url: url.toString(), signingSecret, format },
    { oid: user.oid },
  );
  log.info(
    {
      event: 'alert_webhook_set',
      audit: true,
      tenantId,
      format,
      actor: { oid: user.oid, tid: user.tid },
    },
    'alert webhook set',
  );
  return summary;
}

export async function removeWebhookSettings(user: SessionUser, tenantId: TenantId): Promise<void> {
  assertCanAdminister(user, tenantId);
  await removeTenantWebhook(tenantId);
  log.info(
    {
      event: 'alert_webhook_removed',
      audit: true,
      tenantId,
      actor: { oid: user.oid, tid: user.tid },
    },
    'alert webhook removed',
  );
}

function signingSecretFor(format: WebhookFormat, given: string): string {
  const secret = given.trim();
  if (!secret && format !== 'generic') return randomBytes(32).toString('base64url');
  if (!SECRET_SHAPE.test(secret))
    throw new AppError(
      'webhook_secret_invalid',
      `The signing secret must be ${MIN_SECRET} to ${MAX_SECRET} characters without spaces (for example \`openssl rand -hex 32\`).`,
    );
  return secret;
}

/**
 * Early feedback for the admin: a name that resolves to a refused address now is refused now.
 * A name that does not resolve yet is accepted (DNS may be on its way); every delivery checks
 * its addresses again anyway.
 */
async function refuseIfResolvesInside(hostname: string, allowLoopback: boolean): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return;
  }
  if (addresses.some((a) => refuseAddress(a.address, { allowLoopback })))
    throw new WebhookError('webhook_address_refused');
}
