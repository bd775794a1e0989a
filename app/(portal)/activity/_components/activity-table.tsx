'use client';

import type { ActivityRowData } from './activity-row-data';

const RESULT_CLASS: Record<string, string> = {
  success: 'status-ok',
  refused: 'status-warn',
  failed: 'status-bad',
};

/**
 * The rows, newest first; operators get the partner tenant column, admins know their own. A
 * client component fed plain strings (see activity-row-data.ts): rendering the rows' elements
 * as server components was most of a view's cost, as on the customer list.
 */
export function ActivityTable({
  rows,
  operator,
}: {
  rows: readonly ActivityRowData[];
  operator: boolean;
}) {
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
        {rows.map(([id, at, time, event, kind, result, tenant, by, errorCode, correlationId]) => (
          <tr
            key={id}
            data-testid="activity-row"
            data-kind={kind}
            data-result={result}
            data-tenant-id={tenant}
          >
            <td data-label="Time" title={at}>
              {time}
            </td>
            <th scope="row" data-label="Event">
              {event}
            </th>
            <td data-label="Result" className={RESULT_CLASS[result] ?? ''}>
              {result}
            </td>
            {operator && <td data-label="Partner tenant">{tenant || '—'}</td>}
            <td data-label="By">{by}</td>
            <td data-label="Error">{errorCode || '—'}</td>
            <td data-label="Correlation id">{correlationId || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
