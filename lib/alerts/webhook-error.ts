import { AppError, isAppError } from '@/lib/errors/app-error';

export type WebhookErrorCode =
  | 'webhook_invalid_url'
  | 'webhook_not_https'
  | 'webhook_credentials_in_url'
  | 'webhook_address_refused'
  | 'webhook_dns_failed'
  | 'webhook_timeout'
  | 'webhook_tls_failed'
  | 'webhook_unreachable'
  | 'webhook_redirect_refused'
  | 'webhook_http_error';

const MESSAGES: Record<WebhookErrorCode, string> = {
  webhook_invalid_url: 'The webhook address is not a valid URL.',
  webhook_not_https: 'The webhook address must start with https://.',
  webhook_credentials_in_url: 'The webhook address must not contain a user name or password.',
  webhook_address_refused:
    'The webhook address points at a private, loopback, link-local or cloud metadata address, which the portal does not call.',
  webhook_dns_failed: 'The webhook host name could not be resolved.',
  webhook_timeout: 'The webhook receiver did not answer in time.',
  webhook_tls_failed: 'The webhook receiver’s HTTPS certificate was not accepted.',
  webhook_unreachable: 'The webhook receiver could not be reached.',
  webhook_redirect_refused:
    'The webhook receiver answered with a redirect, which the portal does not follow.',
  webhook_http_error: 'The webhook receiver refused the message.',
};

/** Refusals by policy and answers a retry cannot change are not retried. */
const PERMANENT: ReadonlySet<WebhookErrorCode> = new Set([
  'webhook_invalid_url',
  'webhook_not_https',
  'webhook_credentials_in_url',
  'webhook_address_refused',
  'webhook_redirect_refused',
]);

/**
 * A webhook address refused or a delivery attempt failed. The message never contains the URL:
 * a webhook URL is a bearer secret, so errors, logs and delivery rows carry only the code (and
 * the receiver's HTTP status).
 */
export class WebhookError extends AppError {
  readonly retryable: boolean;
  constructor(
    override readonly code: WebhookErrorCode,
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(
      code,
      httpStatus ? `${MESSAGES[code]} (HTTP ${httpStatus})` : MESSAGES[code],
      400,
      options,
    );
    // 4xx other than timeouts and throttling means the receiver rejects this message as such.
    this.retryable =
      !PERMANENT.has(code) &&
      !(
        code === 'webhook_http_error' &&
        httpStatus !== undefined &&
        httpStatus >= 400 &&
        httpStatus < 500 &&
        ![408, 425, 429].includes(httpStatus)
      );
  }
}

export function isWebhookError(e: unknown): e is WebhookError {
  return (
    isAppError(e) &&
    e.code.startsWith('webhook_') &&
    typeof (e as { retryable?: unknown }).retryable === 'boolean'
  );
}

const SETTINGS_MESSAGES: Record<string, string> = {
  webhook_not_set: 'Set your webhook first, then send a test alert.',
  webhook_invalid_format: 'Choose the webhook format: generic, Slack, or Teams Workflows.',
  webhook_secret_invalid:
    'The signing secret must be 32 to 256 characters without spaces (for example `openssl rand -hex 32`).',
};

/** The page notice for a webhook error code from a redirect (codes only travel in the URL). */
export function webhookErrorMessage(code: string): string | undefined {
  // Own keys only: a code such as `constructor` must not find Object.prototype's.
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code as WebhookErrorCode];
  return Object.hasOwn(SETTINGS_MESSAGES, code) ? SETTINGS_MESSAGES[code] : undefined;
}
