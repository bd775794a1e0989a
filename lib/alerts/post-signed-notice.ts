import 'server-only';
import type { WebhookFormat } from './alert-kinds';
import type { AlertNotice } from './alert-notice';
import { formatPayload } from './format-payload';
import { sendWebhook } from './send-webhook';
import type { WebhookPolicy } from './webhook-address-policy';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhookBody,
} from './webhook-signature';

export interface WebhookTarget {
  url: string;
  signingSecret: string;
  format: WebhookFormat;
}

/**
 * One delivery attempt: the notice in the target's format, signed now (a retry is signed anew,
 * so its timestamp is fresh), with the delivery id a receiver can de-duplicate retries by.
 *
 * @returns the receiver's 2xx status.
 * @throws WebhookError (see sendWebhook).
 */
export async function postSignedNotice(
  target: WebhookTarget,
  notice: AlertNotice,
  deliveryId: string,
  policy: WebhookPolicy,
  now: () => number = Date.now,
): Promise<number> {
  const body = JSON.stringify(formatPayload(notice, target.format));
  const timestamp = Math.floor(now() / 1000);
  return sendWebhook(
    {
      url: target.url,
      body,
      headers: {
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhookBody(target.signingSecret, timestamp, body),
        [DELIVERY_HEADER]: deliveryId,
        [EVENT_HEADER]: notice.event,
      },
    },
    policy,
  );
}
