import { LinkedText } from '@/app/_components/linked-text';
import { webhookErrorMessage } from '@/lib/alerts/webhook-error';
import { adviceForCode } from '@/lib/entra/aadsts-advice';

const SAFE = /^[A-Za-z0-9_]{1,48}$/;

const ERRORS: Record<string, string> = {
  csrf_failed: 'That action did not come from this page. Reload and try again.',
  action_expired:
    'That page was open for over an hour, so its buttons stopped working. This page is fresh: try again.',
  connection_not_found: 'There is no such connection, or you may not act on it.',
  confirmation_required: 'Tick the confirmation box to disconnect.',
  unauthenticated: 'Sign in again to continue.',
};

/** The outcome of the last action, from codes in the URL (never data); unknown codes are not echoed. */
export function ConnectionsNotice({
  params,
}: {
  params: Record<string, string | string[] | undefined>;
}) {
  const one = (k: string) =>
    typeof params[k] === 'string' && SAFE.test(params[k]) ? params[k] : undefined;
  const checked = one('checked');
  const error = one('error');
  if (checked === 'ok')
    return (
      <p className="card status-ok" data-testid="notice">
        Checked: the connection works, and its refresh token was rotated.
      </p>
    );
  if (checked) {
    const advice = adviceForCode(checked);
    return (
      <p className="card status-bad" data-testid="notice">
        Check failed ({advice.code}): {advice.title}. <LinkedText text={advice.fix} />
      </p>
    );
  }
  if (one('disconnected')) {
    const purge = one('purge');
    return (
      <p className="card" data-testid="notice">
        {purge === 'purged'
          ? 'Disconnected and deleted permanently: the stored token and its history are gone from Key Vault.'
          : purge === 'refused'
            ? 'Disconnected. The vault does not allow deleting permanently (purge protection, or the portal may not purge), so the stored token stays soft-deleted and is purged when the vault’s retention ends.'
            : 'Disconnected. The stored token was deleted (recoverable by an operator for 90 days).'}{' '}
        The portal app’s consent stays in the partner’s Entra tenant until an administrator there
        removes it.
      </p>
    );
  }
  if (error)
    return (
      <p className="card status-bad" data-testid="notice">
        {(Object.hasOwn(ERRORS, error) ? ERRORS[error] : undefined) ??
          webhookErrorMessage(error) ??
          `The action failed (${error}).`}
      </p>
    );
  return null;
}
