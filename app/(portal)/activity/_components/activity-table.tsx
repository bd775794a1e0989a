import type { ActivityEntry } from '@/lib/activity';

const RESULT_CLASS: Record<string, string> = {
  success: 'status-ok',
  refused: 'status-warn',
  failed: 'status-bad',
};

/** `2026-11-30 04:52 UTC`: formatted by hand in UTC, like DateTime, without its markup. */
function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

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
        {/* Plain cells, no nested markup: at 25 rows the elements are what rendering costs. */}
        {rows.map((e) => (
          <tr
            key={e.id}
            data-testid="activity-row"
            data-kind={e.kind}
            data-result={e.result}
            data-tenant-id={e.partnerTenantId ?? ''}
          >
            <td data-label="Time" title={e.at}>
              {shortTime(e.at)}
            </td>
            <th scope="row" data-label="Event">
              {e.customerTenantId
                ? `${e.kind.replace(/_/g, ' ')} (customer ${e.customerTenantId})`
                : e.kind.replace(/_/g, ' ')}
            </th>
            <td data-label="Result" className={RESULT_CLASS[e.result] ?? ''}>
              {e.result}
            </td>
            {operator && <td data-label="Partner tenant">{e.partnerTenantId ?? '—'}</td>}
            <td data-label="By">{actorOf(e)}</td>
            <td data-label="Error">{e.errorCode ?? '—'}</td>
            <td data-label="Correlation id">{e.correlationId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
