import { randomBytes } from 'node:crypto';
import type { AlertNotice } from '@/lib/alerts/alert-notice';
import { postSignedNotice } from '@/lib/alerts/post-signed-notice';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * One delivery attempt against the test receiver (https on loopback, the local CA): the body and
 * headers a receiver sees, its signature check, and the failures delivery classifies. The
 * retries, the database and the jobs are in alerts-delivery-retries.test.ts.
 */
const secret = randomBytes(32).toString('hex');
const local = { allowLoopback: true };
const notice: AlertNotice = {
  event: 'alert.fired',
  alertId: '7',
  kind: 'revoked',
  tenantId: '11111111-2222-3333-4444-555555555555',
  orgName: 'Contoso Partners',
  occurredAt: new Date().toISOString(),
  advice: { code: 'AADSTS50173', title: 'The connection was revoked', fix: 'Reconnect.' },
  connectionsUrl: 'https://portal.example/connections',
};

describe('postSignedNotice → the test webhook receiver', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterAll(() => receiver?.close());

  it.each(['generic', 'slack', 'teams'] as const)(
    '%s: one signed POST the receiver verifies, with a text field',
    async (format) => {
      const before = receiver.received.length;
      const status = await postSignedNotice(
        { url: receiver.url(`/${format}`), signingSecret: secret, format },
        notice,
        `delivery-${format}`,
        local,
      );
      expect(status).toBe(200);
      const got = receiver.received.slice(before);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        path: `/${format}`,
        signature: { ok: true },
        deliveryId: `delivery-${format}`,
        event: 'alert.fired',
      });
      expect(got[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(got[0]!.json.text).toMatch(/^\[ALERT\] Contoso Partners .*connection revoked/);
    },
  );

  it('a receiver with another secret refuses it (401), which is not retried', async () => {
    await expect(
      postSignedNotice(
        { url: receiver.url(), signingSecret: `${secret}-wrong`, format: 'generic' },
        notice,
        'd-wrong',
        local,
      ),
    ).rejects.toMatchObject({ code: 'webhook_http_error', httpStatus: 401, retryable: false });
    expect(receiver.received.at(-1)!.signature).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('a receiver answering 503 fails retryably', async () => {
    receiver.failNext(1, 503);
    await expect(
      postSignedNotice(
        { url: receiver.url(), signingSecret: secret, format: 'generic' },
        notice,
        'd-503',
        local,
      ),
    ).rejects.toMatchObject({ code: 'webhook_http_error', httpStatus: 503, retryable: true });
  });

  it('a redirect is not followed (it could point anywhere)', async () => {
    receiver.redirectNext('https://169.254.169.254/metadata/instance');
    const before = receiver.received.length;
    await expect(
      postSignedNotice(
        { url: receiver.url(), signingSecret: secret, format: 'generic' },
        notice,
        'd-redirect',
        local,
      ),
    ).rejects.toMatchObject({ code: 'webhook_redirect_refused', retryable: false });
    expect(receiver.received.length).toBe(before + 1);
  });

  it('without the loopback exception the same receiver is refused before any request', async () => {
    const before = receiver.received.length;
    await expect(
      postSignedNotice(
        { url: receiver.url(), signingSecret: secret, format: 'generic' },
        notice,
        'd-strict',
        { allowLoopback: false },
      ),
    ).rejects.toMatchObject({ code: 'webhook_address_refused' });
    expect(receiver.received.length).toBe(before);
  });
});
