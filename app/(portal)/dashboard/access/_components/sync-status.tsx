import type { AccessSyncState } from '@/lib/access/access-row';
import { When } from './when';

/** The sync's progress, the time of its last full pass, and a partner-wide problem (one banner). */
export function SyncStatus({ sync, isAdmin }: { sync: AccessSyncState | null; isAdmin: boolean }) {
  if (!sync)
    return (
      <p className="card" data-testid="sync-status" data-status="never">
        The first check of your customers has been queued. This page fills in as it runs.
      </p>
    );
  return (
    <>
      {sync.error && (
        <div
          className="card banner-bad"
          role="alert"
          data-testid="sync-error"
          data-code={sync.error.code}
        >
          <p>
            <strong>{sync.error.title}</strong> <code>{sync.error.code}</code>
          </p>
          <p>{sync.error.fix}</p>
          {isAdmin && sync.error.code === 'AADSTS65001' && (
            <p>
              <a className="button" href="/connect">
                Reconnect
              </a>
            </p>
          )}
        </div>
      )}
      <p className="muted" data-testid="sync-status" data-status={sync.status}>
        {sync.status === 'running' ? (
          <>
            Checking customers: {sync.checkedInRun.toLocaleString('en-US')} of{' '}
            {sync.dueAtStart.toLocaleString('en-US')} due.{' '}
          </>
        ) : null}
        Last full pass: <When iso={sync.lastFullPassAt} withTime />. Relationships read:{' '}
        <When iso={sync.relationshipsAt} withTime /> (
        {sync.relationshipCount.toLocaleString('en-US')}).
      </p>
    </>
  );
}
