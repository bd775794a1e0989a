import type { TenantWebhookSummary } from '@/lib/alerts/tenant-webhook-store';

const FORMAT_LABEL = { generic: 'Generic JSON', slack: 'Slack', teams: 'Teams Workflows' } as const;

/** Fields shrink to the card on a phone (390 px) instead of scrolling sideways. */
const FIELD = { width: '100%', maxWidth: '32rem', boxSizing: 'border-box' } as const;

const NOTICE: Record<string, string> = {
  saved: 'Webhook saved. Send a test alert to check it.',
  removed: 'Webhook removed.',
  tested: 'Test alert delivered: your receiver answered with success.',
};

/**
 * A partner admin's alert webhook for their own tenant: URL, format and signing secret (each a
 * CSRF-protected POST form). The URL and secret are write-only: the page shows only the format,
 * the receiver's host and when it was set.
 */
export function WebhookSettings({
  tenantId,
  summary,
  notice,
  tokens,
}: {
  tenantId: string;
  summary: TenantWebhookSummary | null;
  notice?: string;
  tokens: { save: string; remove: string; test: string };
}) {
  const base = `/api/connections/${tenantId}/webhook`;
  return (
    <div className="card" data-testid="webhook-settings">
      <h3>Alert webhook</h3>
      {notice && Object.hasOwn(NOTICE, notice) && (
        <p className="status-ok" data-testid="webhook-notice">
          {NOTICE[notice]}
        </p>
      )}
      {summary ? (
        <p data-testid="webhook-summary">
          Alerts go to <code>{summary.host}</code> as {FORMAT_LABEL[summary.format]}, set{' '}
          <time dateTime={summary.setAt}>{new Date(summary.setAt).toUTCString()}</time>.
        </p>
      ) : (
        <p className="muted" data-testid="webhook-summary">
          No webhook: alerts are listed on this page only.
        </p>
      )}
      <form method="post" action={base} data-testid="webhook-form">
        <input type="hidden" name="csrfToken" value={tokens.save} />
        <p>
          <label>
            Webhook URL (https){' '}
            <input
              name="url"
              type="url"
              required
              autoComplete="off"
              spellCheck={false}
              style={FIELD}
            />
          </label>
        </p>
        <p>
          <label>
            Format{' '}
            <select name="format" defaultValue={summary?.format ?? 'generic'}>
              <option value="generic">Generic JSON (signed)</option>
              <option value="slack">Slack incoming webhook</option>
              <option value="teams">Teams Workflows (Adaptive Card)</option>
            </select>
          </label>
        </p>
        <p>
          <label>
            Signing secret{' '}
            <input name="signingSecret" type="password" autoComplete="new-password" style={FIELD} />
          </label>{' '}
          <span className="muted">
            32+ characters; your receiver checks the signature with it (required for generic;
            generated for Slack and Teams).
          </span>
        </p>
        <button className="button" type="submit">
          Save webhook
        </button>
      </form>
      {summary && (
        <div className="actions">
          <form method="post" action={`${base}/test`} style={{ display: 'inline' }}>
            <input type="hidden" name="csrfToken" value={tokens.test} />
            <button className="button" type="submit" data-testid="webhook-test">
              Send a test alert
            </button>
          </form>{' '}
          <form method="post" action={`${base}/remove`} style={{ display: 'inline' }}>
            <input type="hidden" name="csrfToken" value={tokens.remove} />
            <button className="button secondary" type="submit" data-testid="webhook-remove">
              Remove webhook
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
