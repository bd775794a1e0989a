import { DateTime } from '@/app/_components/date-time';
import type { ActivityEntry } from '@/lib/activity';

const RESULT_CLASS: Record<string, string> = {
  success: 'status-ok',
  refused: 'status-warn',
  failed: 'status-bad',
};

function actorOf(e: ActivityEntry): string {
  if (e.actor.type === 'user') return e.actor.upn ?? e.actor.oid ?? 'a user';
  if (e.actor.type === 'console') return e.actor.upn ? `console (${e.actor.upn})` : 'console';
  if (e.actor.type === 'job') return 'scheduled job';
  if (e.actor.type === 'portal') return 'portal';
  return 'not signed in';
}

/** The rows, newest first; operators get the partner tenant column, admins know their own. */
export function ActivityTable({ rows, operator }: { rows: ActivityEntry[]; operator: boolean }) {
  return (
    <table className="stack-table" data-testid="activity-table">
      <caption className="visually-hidden">Activity, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">Result</th>
          {operator && <th scope="col">Partner tenant</th>}
          <th scope="col">By</th>
          <th scope="col">Error</th>
          <th scope="col">Correlation id</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr
            key={e.id}
            data-testid="activity-row"
            data-kind={e.kind}
            data-result={e.result}
            data-tenant-id={e.partnerTenantId ?? ''}
          >
            <td data-label="Time">
              <DateTime iso={e.at} />
            </td>
            <th scope="row" data-label="Event">
              {e.kind.replace(/_/g, ' ')}
              {e.customerTenantId && (
                <>
                  {' '}
                  <span className="muted">
                    customer <code>{e.customerTenantId}</code>
                  </span>
                </>
              )}
            </th>
            <td data-label="Result">
              <strong className={RESULT_CLASS[e.result] ?? ''}>{e.result}</strong>
            </td>
            {operator && (
              <td data-label="Partner tenant">
                {e.partnerTenantId ? <code>{e.partnerTenantId}</code> : '—'}
              </td>
            )}
            <td data-label="By">{actorOf(e)}</td>
            <td data-label="Error">{e.errorCode ? <code>{e.errorCode}</code> : '—'}</td>
            <td data-label="Correlation id">
              {e.correlationId ? <code>{e.correlationId}</code> : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
