import type { WebhookFormat } from './alert-kinds';
import { noticeText, type AlertNotice } from './alert-notice';

/**
 * The JSON body for one webhook format. Every format has a top-level `text`:
 * - generic: `text` plus the notice's fields, for any receiver;
 * - slack: an incoming-webhook message (`text` is the notification fallback, `blocks` the body);
 * - teams: a Teams Workflows message ("When a Teams webhook request is received") carrying one
 *   Adaptive Card attachment, the only card type Workflows posts.
 */
export function formatPayload(notice: AlertNotice, format: WebhookFormat): object {
  const text = noticeText(notice);
  switch (format) {
    case 'generic':
      return {
        text,
        event: notice.event,
        alert: {
          id: notice.alertId,
          kind: notice.kind,
          occurredAt: notice.occurredAt,
          resolvedAt: notice.resolvedAt ?? null,
          daysLeft: notice.daysLeft ?? null,
          advice: notice.advice ?? null,
        },
        tenant: { id: notice.tenantId, name: notice.orgName ?? null },
        connectionsUrl: notice.connectionsUrl,
      };
    case 'slack':
      return {
        text,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: slackEscape(text) } },
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: `<${slackEscape(notice.connectionsUrl)}|Open the Connections page>`,
              },
            ],
          },
        ],
      };
    case 'teams':
      return {
        type: 'message',
        text,
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: adaptiveCard(notice, text),
          },
        ],
      };
  }
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` pings everyone): names are escaped. */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function adaptiveCard(notice: AlertNotice, text: string): object {
  const color =
    notice.event === 'alert.resolved'
      ? 'Good'
      : notice.event === 'alert.test'
        ? 'Accent'
        : 'Attention';
  const facts = [
    { title: 'Partner', value: notice.orgName ?? '—' },
    { title: 'Tenant id', value: notice.tenantId },
    ...(notice.kind ? [{ title: 'Alert', value: notice.kind }] : []),
    ...(notice.daysLeft !== undefined
      ? [{ title: 'Days left', value: String(notice.daysLeft) }]
      : []),
  ];
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: `Partner Portal ${notice.event.replace('alert.', '')}`,
        weight: 'Bolder',
        size: 'Medium',
        color,
        wrap: true,
      },
      { type: 'TextBlock', text, wrap: true },
      { type: 'FactSet', facts },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open Connections', url: notice.connectionsUrl }],
  };
}
