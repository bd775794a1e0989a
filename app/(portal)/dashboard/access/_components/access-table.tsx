import Link from 'next/link';
import { accessQueryString, type AccessQuery, type AccessSort } from '@/lib/access/access-query';
import type { AccessRow } from '@/lib/access/access-row';
import { ACCESS_LABEL, CONSENT_LABEL } from './labels';
import { When } from './when';

function SortHeader({
  query,
  sort,
  children,
}: {
  query: AccessQuery;
  sort: AccessSort;
  children: string;
}) {
  const active = query.sort === sort;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link
        href={`/dashboard/access${accessQueryString(query, { sort, dir, page: 1 })}`}
        data-testid={`sort-${sort}`}
      >
        {children}
        {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  );
}

/** The access rows: one per customer, each linking to its detail. */
export function AccessTable({ rows, query }: { rows: AccessRow[]; query: AccessQuery }) {
  return (
    <table data-testid="access-table">
      <thead>
        <tr>
          <SortHeader query={query} sort="name">
            Customer
          </SortHeader>
          <SortHeader query={query} sort="access">
            Access
          </SortHeader>
          <th>Relationships</th>
          <SortHeader query={query} sort="end-date">
            GDAP ends
          </SortHeader>
          <SortHeader query={query} sort="consent">
            App consent
          </SortHeader>
          <th>Last error</th>
          <SortHeader query={query} sort="checked">
            Checked
          </SortHeader>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.customerTenantId}
            data-testid="access-row"
            data-customer-id={r.customerTenantId}
            data-access={r.access}
            data-consent={r.consent}
            data-error={r.lastError?.code}
          >
            <td>
              <Link href={`/dashboard/access/${r.customerTenantId}`}>
                {r.name || r.customerTenantId}
              </Link>
              {r.domain && <div className="muted">{r.domain}</div>}
              {!r.inDirectory && <div className="status-warn">Not in the customer directory</div>}
            </td>
            <td className={ACCESS_LABEL[r.access].className}>{ACCESS_LABEL[r.access].text}</td>
            <td>
              {r.relationships.length}
              {r.globalAdmin && (
                <div
                  className="status-warn"
                  title="Least privilege: Global Administrator cannot auto-extend"
                >
                  Global Administrator
                </div>
              )}
            </td>
            <td>
              <When iso={r.endDate} />
              {r.endDate && (
                <div className="muted">{r.autoExtend ? 'auto-extends' : 'no auto-extend'}</div>
              )}
            </td>
            <td className={CONSENT_LABEL[r.consent].className}>{CONSENT_LABEL[r.consent].text}</td>
            <td>
              {r.lastError ? (
                <code title={r.lastError.title}>{r.lastError.code}</code>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <When iso={r.checkedAt} withTime />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
