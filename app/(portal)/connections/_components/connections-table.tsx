import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { STATUS_LABEL } from '@/app/_components/health-details';
import {
  connectionQueryString,
  type ConnectionHealth,
  type ConnectionQuery,
  type ConnectionSort,
} from '@/lib/connections';

const COLUMNS: Array<{ sort: ConnectionSort; label: string }> = [
  { sort: 'org', label: 'Organization' },
  { sort: 'tenant', label: 'Tenant id' },
  { sort: 'status', label: 'Status' },
  { sort: 'mfa', label: 'MFA' },
  { sort: 'days', label: 'Days left' },
  { sort: 'rotated', label: 'Last rotation' },
  { sort: 'error', label: 'Last error' },
];

const MFA_SHORT: Record<ConnectionHealth['mfa'], string> = {
  confirmed: 'Yes',
  missing: 'No',
  unknown: 'Unknown',
};

/** A column header that sorts by its column; a second click reverses. Links: keyboard and URL both work. */
function SortHeader({
  query,
  sort,
  label,
}: {
  query: ConnectionQuery;
  sort: ConnectionSort;
  label: string;
}) {
  const active = query.sort === sort;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link
        href={`/connections${connectionQueryString(query, { sort, dir, page: 1 })}`}
        data-testid={`sort-${sort}`}
      >
        {label}
        {active && <span aria-hidden="true">{query.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span className="visually-hidden">{`, sort ${dir === 'asc' ? 'ascending' : 'descending'}`}</span>
      </Link>
    </th>
  );
}

/** One row per connection; the organization links to its full health card and actions. */
export function ConnectionsTable({
  rows,
  query,
  total,
}: {
  rows: ConnectionHealth[];
  query: ConnectionQuery;
  total: number;
}) {
  return (
    <table className="stack-table" data-testid="connections-table">
      <caption className="visually-hidden">
        Connections, {total} matching, sorted by {query.sort}{' '}
        {query.dir === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.sort} query={query} sort={c.sort} label={c.label} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => {
          const label = STATUS_LABEL[h.status];
          return (
            <tr
              key={h.tenantId}
              data-testid="connection-row"
              data-tenant-id={h.tenantId}
              data-status={h.status}
            >
              <th scope="row">
                <Link href={`/connections/${h.tenantId}`}>{h.orgName ?? h.tenantId}</Link>
              </th>
              <td data-label="Tenant id">
                <code>{h.tenantId}</code>
              </td>
              <td data-label="Status">
                <strong className={label.className}>{label.text}</strong>
              </td>
              <td data-label="MFA">{MFA_SHORT[h.mfa]}</td>
              <td data-label="Days left">{h.daysLeft}</td>
              <td data-label="Last rotation">
                <DateTime iso={h.rotatedAt} dateOnly />
              </td>
              <td data-label="Last error">
                {h.lastError ? (
                  <span title={h.lastError.advice.title}>
                    <code>{h.lastError.code}</code>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
