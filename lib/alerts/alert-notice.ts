import { KIND_TITLE, type AlertEvent, type AlertKind } from './alert-kinds';

/**
 * What one webhook message says. Built from the alert's row and the connection's health; holds
 * no token, secret or webhook URL (only ids, names, dates and advice texts).
 */
export interface AlertNotice {
  event: AlertEvent;
  /** The alert's id; null for a test message. */
  alertId: string | null;
  /** What is wrong (for `alert.resolved`: what was wrong); null for a test message. */
  kind: AlertKind | null;
  tenantId: string;
  orgName?: string;
  /** Days before the 90-day inactivity limit, when known. */
  daysLeft?: number;
  /** When the alert opened (fired) or the test was requested. */
  occurredAt: string;
  resolvedAt?: string;
  advice?: { code: string; title: string; fix: string };
  /** Where a person acts on it: the portal's Connections page. */
  connectionsUrl: string;
}

/** The one-paragraph text every format carries (Slack's fallback, the card's body). */
export function noticeText(n: AlertNotice): string {
  const who = `${n.orgName ?? 'Partner tenant'} (${n.tenantId})`;
  if (n.event === 'alert.test')
    return `[TEST] ${who}: a test alert from the Partner Portal. This webhook receives its alerts.`;
  const what = n.kind ? KIND_TITLE[n.kind] : 'alert';
  if (n.event === 'alert.resolved')
    return `[RESOLVED] ${who}: ${what}, resolved. The connection is healthy again.`;
  const days =
    n.kind === 'expiring' && n.daysLeft !== undefined
      ? ` It lapses in ${n.daysLeft} day${n.daysLeft === 1 ? '' : 's'} unless it is used.`
      : '';
  const advice = n.advice ? ` ${n.advice.title}. Fix: ${n.advice.fix}` : '';
  return `[ALERT] ${who}: ${what}.${days}${advice} ${n.connectionsUrl}`;
}
