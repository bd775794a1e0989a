import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getSecretClient } from '@/lib/vault/get-secret-client';
import { secretNameFor } from '@/lib/vault/secret-name';
import { setSecretRevivingDeleted } from '@/lib/vault/set-secret-reviving-deleted';
import { toVaultError } from '@/lib/vault/to-vault-error';
import { isWebhookFormat, type WebhookFormat } from './alert-kinds';

/** A partner tenant's alert webhook, as delivery needs it. Server-side only. */
export interface TenantWebhook {
  url: string;
  signingSecret: string;
  format: WebhookFormat;
}

/** What the Connections page shows about it: never the URL or the secret. */
export interface TenantWebhookSummary {
  format: WebhookFormat;
  /** The receiver's host name, so an admin recognises which webhook is set. */
  host: string;
  setAt: string;
}

const CONTENT_TYPE = 'application/vnd.partner-portal.alert-webhook+json';

/**
 * Partner admins' webhook settings, one Key Vault secret per tenant (`alert-webhook-<tenant id>`).
 * A webhook URL is a bearer secret (anyone holding a Slack or Teams Workflows URL can post to
 * the channel), so it lives where the refresh tokens live and never in the database, a log line
 * or an activity row. The secret's tags hold only the format, host and date. The refresh-token
 * store ignores these secrets (their names are not tenant ids).
 */
export function webhookSecretName(tenantId: TenantId): string {
  return `alert-webhook-${secretNameFor(tenantId)}`;
}

export async function getTenantWebhook(tenantId: TenantId): Promise<TenantWebhook | null> {
  const secret = await readSecret(tenantId);
  if (!secret?.value) return null;
  try {
    const parsed = JSON.parse(secret.value) as Partial<TenantWebhook>;
    const format = secret.properties.tags?.format;
    if (typeof parsed.url !== 'string' || typeof parsed.signingSecret !== 'string') return null;
    return {
      url: parsed.url,
      signingSecret: parsed.signingSecret,
      format: isWebhookFormat(format) ? format : 'generic',
    };
  } catch {
    return null;
  }
}

export async function getTenantWebhookSummary(
  tenantId: TenantId,
): Promise<TenantWebhookSummary | null> {
  const secret = await readSecret(tenantId);
  if (!secret?.value) return null;
  const tags = secret.properties.tags ?? {};
  return {
    format: isWebhookFormat(tags.format) ? tags.format : 'generic',
    host: tags.host ?? '',
    setAt: tags.setAt ?? secret.properties.updatedOn?.toISOString() ?? '',
  };
}

export async function saveTenantWebhook(
  tenantId: TenantId,
  webhook: TenantWebhook,
  by: { oid: string },
): Promise<TenantWebhookSummary> {
  const setAt = new Date().toISOString();
  const host = new URL(webhook.url).hostname.slice(0, 200);
  try {
    await setSecretRevivingDeleted(
      getSecretClient(),
      webhookSecretName(tenantId),
      JSON.stringify({ url: webhook.url, signingSecret: webhook.signingSecret }),
      {
        contentType: CONTENT_TYPE,
        tags: { format: webhook.format, host, setAt, setByOid: by.oid.slice(0, 64) },
      },
    );
  } catch (e) {
    throw toVaultError(e);
  }
  return { format: webhook.format, host, setAt };
}

/** Soft-deletes the secret (recoverable by the vault's owner, like a disconnect). */
export async function removeTenantWebhook(tenantId: TenantId): Promise<void> {
  try {
    await getSecretClient().beginDeleteSecret(webhookSecretName(tenantId));
  } catch (e) {
    if (statusOf(e) === 404 || statusOf((e as { cause?: unknown }).cause) === 404) return;
    throw toVaultError(e);
  }
}

async function readSecret(tenantId: TenantId) {
  try {
    const secret = await getSecretClient().getSecret(webhookSecretName(tenantId));
    return secret.properties.enabled === false ? null : secret;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw toVaultError(e);
  }
}

function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number } | null)?.statusCode;
}
