import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a receiver checks, in these headers (documented in docs/deploy-azure.md):
 * - `X-Portal-Timestamp`: Unix seconds when this attempt was signed;
 * - `X-Portal-Signature`: `v1=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` under the
 *   webhook's signing secret.
 * Signing the timestamp with the body lets a receiver refuse a replay: a captured request
 * cannot be resent with a fresh timestamp without the secret. Each retry is signed anew.
 * This file has no server-only import: receivers (and the test receiver) use the same code.
 */
export const SIGNATURE_HEADER = 'x-portal-signature';
export const TIMESTAMP_HEADER = 'x-portal-timestamp';
export const DELIVERY_HEADER = 'x-portal-delivery';
export const EVENT_HEADER = 'x-portal-event';

/** How old a signed request a receiver should still accept. */
export const REPLAY_WINDOW_SECONDS = 300;

export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver does: the timestamp is an integer within the replay window of `nowSeconds`
 * (either way, for clock skew), and the signature matches in constant time.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  nowSeconds?: number;
}): SignatureCheck {
  const { secret, body, timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v1=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'malformed' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > REPLAY_WINDOW_SECONDS)
    return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhookBody(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
