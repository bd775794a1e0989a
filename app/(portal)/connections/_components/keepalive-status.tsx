import type { LastKeepalive } from '@/lib/keepalive/keepalive-status';

const OUTCOME: Record<LastKeepalive['outcome'], { text: string; className: string }> = {
  ok: { text: 'ok', className: 'status-ok' },
  needs_human: { text: 'needs a person', className: 'status-bad' },
  failed: { text: 'failed', className: 'status-warn' },
};

/** The health card's keep-alive lines: the job's next run and this connection's last result. */
export function KeepaliveStatus({
  nextRunAt,
  last,
  error,
}: {
  nextRunAt?: string;
  last?: LastKeepalive;
  error?: string;
}) {
  if (error)
    return (
      <p className="muted" data-testid="keepalive-status">
        Keep-alive status unavailable <code>{error}</code>
      </p>
    );
  const outcome = last ? OUTCOME[last.outcome] : undefined;
  return (
    <p data-testid="keepalive-status">
      Keep-alive: next run{' '}
      {nextRunAt ? (
        <time dateTime={nextRunAt} data-testid="keepalive-next-run">
          {new Date(nextRunAt).toUTCString()}
        </time>
      ) : (
        '—'
      )}
      . Last result:{' '}
      {last && outcome ? (
        <span data-testid="keepalive-last" data-outcome={last.outcome}>
          <strong className={outcome.className}>{outcome.text}</strong>
          {last.errorCode && (
            <>
              {' '}
              <code>{last.errorCode}</code>
            </>
          )}{' '}
          at <time dateTime={last.at}>{new Date(last.at).toUTCString()}</time> (
          {last.trigger === 'job' ? 'scheduled job' : 'csp keepalive'})
        </span>
      ) : (
        <span data-testid="keepalive-last">none yet</span>
      )}
    </p>
  );
}
