import { accessQueryString, type AccessQuery, type AccessSort } from '@/lib/access/access-query';
import type { AccessRow } from '@/lib/access/access-row';
import { AccessRows, type AccessRowData } from './access-rows';

const COLUMNS: Array<[AccessSort | null, string]> = [
  ['name', 'Customer'],
  ['access', 'Access'],
  [null, 'Relationships'],
  ['end-date', 'GDAP ends'],
  ['consent', 'App consent'],
  [null, 'Last error'],
  ['checked', 'Checked'],
];

/**
 * The access rows: one per customer, each linking to its detail. Rendering is most of a page
 * view's cost, so the rows travel as tuples to one client component (access-rows.tsx), and the
 * links are plain `<a>` rather than next/link (a client component each, whose props travel in
 * the RSC payload).
 */
export function AccessTable({ rows, query }: { rows: AccessRow[]; query: AccessQuery }) {
  return (
    <table data-testid="access-table">
      <thead>
        <tr>
          {COLUMNS.map(([sort, label]) => {
            if (!sort) return <th key={label}>{label}</th>;
            const active = query.sort === sort;
            const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
            return (
              <th
                key={label}
                aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <a
                  href={`/dashboard/access${accessQueryString(query, { sort, dir, page: 1 })}`}
                  data-testid={`sort-${sort}`}
                >
                  {active ? `${label} ${query.dir === 'asc' ? '▲' : '▼'}` : label}
                </a>
              </th>
            );
          })}
        </tr>
      </thead>
      <AccessRows rows={rows.map(toRowData)} />
    </table>
  );
}

/** A row as the client body takes it: plain values, no elements (see access-rows.tsx). */
function toRowData(r: AccessRow): AccessRowData {
  return [
    r.customerTenantId,
    r.name,
    r.domain ?? '',
    r.inDirectory,
    r.access,
    r.relationships.length,
    r.globalAdmin,
    r.endDate ?? '',
    r.autoExtend,
    r.consent,
    r.lastError?.code ?? '',
    r.lastError?.title ?? '',
    r.checkedAt ?? '',
  ];
}
