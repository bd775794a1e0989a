import type { SessionUser } from '@/lib/auth';
import { createAccessActionToken } from '@/lib/access/action-token';
import type { AccessSyncState } from '@/lib/access/access-row';
import { consentRequest } from '@/lib/access/consent-grant';
import { ConsentScopes } from './consent-scopes';

/** Admins: grant the app's consent to every GDAP customer missing it, as a job with progress. */
export function GrantAllMissing({
  user,
  missing,
  grant,
}: {
  user: SessionUser;
  missing: number;
  grant: AccessSyncState['grant'] | undefined;
}) {
  const running = grant?.status === 'running';
  return (
    <section className="card" data-testid="grant-all-missing">
      <h2>Grant the app&apos;s consent to every customer missing it</h2>
      {grant && grant.status !== 'idle' && (
        <p data-testid="grant-progress" data-status={grant.status} role="status">
          {running ? 'Granting: ' : 'Last run: '}
          {grant.done.toLocaleString('en-US')} granted, {grant.failed.toLocaleString('en-US')}{' '}
          failed, of {grant.total.toLocaleString('en-US')}.
        </p>
      )}
      <ConsentScopes request={consentRequest()} />
      <form method="post" action="/api/access/consent/grant-missing">
        <input
          type="hidden"
          name="csrfToken"
          value={createAccessActionToken(user, 'all', 'grant-missing')}
        />
        <button
          className="button"
          type="submit"
          disabled={running || missing === 0}
          data-testid="grant-all-missing-button"
        >
          Grant to {missing.toLocaleString('en-US')} customer{missing === 1 ? '' : 's'}
        </button>
      </form>
    </section>
  );
}
