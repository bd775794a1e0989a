/** Why a connection needs a person, in the order one outranks another. */
export const ALERT_KINDS = ['revoked', 'expired', 'mfa_missing', 'failing', 'expiring'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertEvent = 'alert.fired' | 'alert.resolved' | 'alert.test';

export const WEBHOOK_FORMATS = ['generic', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export function isAlertKind(v: unknown): v is AlertKind {
  return typeof v === 'string' && (ALERT_KINDS as readonly string[]).includes(v);
}

export function isWebhookFormat(v: unknown): v is WebhookFormat {
  return typeof v === 'string' && (WEBHOOK_FORMATS as readonly string[]).includes(v);
}

export const KIND_TITLE: Record<AlertKind, string> = {
  revoked: 'connection revoked',
  expired: 'connection expired',
  mfa_missing: 'MFA missing on the stored sign-in',
  failing: 'checks failing repeatedly',
  expiring: 'connection expiring soon',
};
