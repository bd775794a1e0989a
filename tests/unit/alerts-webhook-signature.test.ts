import { createHmac } from 'node:crypto';
import {
  REPLAY_WINDOW_SECONDS,
  signWebhookBody,
  verifyWebhookSignature,
} from '@/lib/alerts/webhook-signature';

const secret = 'a-signing-secret-of-at-least-32-chars!!';
const body = JSON.stringify({ text: 'hello' });
const now = 1_800_000_000;

describe('webhook signature (HMAC-SHA256 over "<timestamp>.<body>")', () => {
  it('is the documented construction, so a receiver in any language can compute it', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhookBody(secret, now, body)).toBe(`v1=${expected}`);
  });

  it('verifies what it signed', () => {
    const signature = signWebhookBody(secret, now, body);
    expect(
      verifyWebhookSignature({ secret, body, timestamp: String(now), signature, nowSeconds: now }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['a changed body', { body: body.replace('hello', 'hullo') }, 'mismatch'],
    ['another secret', { secret: `${secret}x` }, 'mismatch'],
    ['a changed timestamp', { timestamp: String(now + 1) }, 'mismatch'],
    ['no signature', { signature: null }, 'missing'],
    ['no timestamp', { timestamp: undefined }, 'missing'],
    ['a non-numeric timestamp', { timestamp: '1e9' }, 'malformed'],
    ['a signature without the v1= prefix', { signature: 'abc' }, 'malformed'],
  ])('refuses %s', (_name, change, reason) => {
    const input = {
      secret,
      body,
      timestamp: String(now) as string | undefined,
      signature: signWebhookBody(secret, now, body) as string | null,
      nowSeconds: now,
      ...change,
    };
    expect(verifyWebhookSignature(input)).toEqual({ ok: false, reason });
  });

  it('lets a receiver refuse a replay older than 5 minutes (and one from too far ahead)', () => {
    const signature = signWebhookBody(secret, now, body);
    const at = (nowSeconds: number) =>
      verifyWebhookSignature({ secret, body, timestamp: String(now), signature, nowSeconds });
    expect(at(now + REPLAY_WINDOW_SECONDS)).toEqual({ ok: true });
    expect(at(now + REPLAY_WINDOW_SECONDS + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(at(now - REPLAY_WINDOW_SECONDS - 1)).toEqual({ ok: false, reason: 'stale' });
    expect(REPLAY_WINDOW_SECONDS).toBe(300);
  });
});
