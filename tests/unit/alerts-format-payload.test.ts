import type { AlertNotice } from '@/lib/alerts/alert-notice';
import { formatPayload } from '@/lib/alerts/format-payload';

// Payloads are plain JSON; the tests walk them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const notice: AlertNotice = {
  event: 'alert.fired',
  alertId: '42',
  kind: 'expiring',
  tenantId: '11111111-2222-3333-4444-555555555555',
  orgName: 'Contoso <!channel> & Co',
  daysLeft: 12,
  occurredAt: '2026-01-01T00:00:00.000Z',
  advice: {
    code: 'expiring',
    title: 'The connection expires soon',
    fix: 'Use it or run keepalive',
  },
  connectionsUrl: 'https://portal.example/connections',
};

describe('formatPayload', () => {
  it('generic: a text field plus the alert, tenant and link', () => {
    const p = formatPayload(notice, 'generic') as Record<string, unknown>;
    expect(p.text).toBe(
      '[ALERT] Contoso <!channel> & Co (11111111-2222-3333-4444-555555555555): connection expiring soon. ' +
        'It lapses in 12 days unless it is used. The connection expires soon. Fix: Use it or run keepalive ' +
        'https://portal.example/connections',
    );
    expect(p).toMatchObject({
      event: 'alert.fired',
      alert: { id: '42', kind: 'expiring', daysLeft: 12, resolvedAt: null },
      tenant: { id: notice.tenantId, name: notice.orgName },
      connectionsUrl: notice.connectionsUrl,
    });
  });

  it('slack: text as the fallback, mrkdwn blocks with Slack markup escaped', () => {
    const p = formatPayload(notice, 'slack') as {
      text: string;
      blocks: Array<Record<string, Json>>;
    };
    expect(p.text).toContain('Contoso <!channel> & Co');
    expect(p.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringContaining('Contoso &lt;!channel&gt; &amp; Co') },
    });
    expect(JSON.stringify(p.blocks)).not.toContain('<!channel>');
    expect(p.blocks[1]!.elements[0].text).toBe(
      '<https://portal.example/connections|Open the Connections page>',
    );
  });

  it('teams: a Workflows message with one Adaptive Card attachment', () => {
    const p = formatPayload({ ...notice, event: 'alert.resolved' }, 'teams') as Record<
      string,
      Json
    >;
    expect(p.type).toBe('message');
    expect(p.text).toMatch(/^\[RESOLVED\] /);
    expect(p.attachments).toHaveLength(1);
    const [attachment] = p.attachments;
    expect(attachment).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { type: 'AdaptiveCard', version: '1.4' },
    });
    expect(attachment.content.body[0]).toMatchObject({ type: 'TextBlock', color: 'Good' });
    expect(attachment.content.body[2].facts).toContainEqual({
      title: 'Tenant id',
      value: notice.tenantId,
    });
    expect(attachment.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open Connections',
      url: notice.connectionsUrl,
    });
  });

  it('a test message names the tenant and says it is a test', () => {
    const p = formatPayload(
      { ...notice, event: 'alert.test', kind: null, alertId: null, daysLeft: undefined },
      'generic',
    ) as { text: string };
    expect(p.text).toMatch(/^\[TEST\] Contoso .*: a test alert from the Partner Portal/);
  });
});
