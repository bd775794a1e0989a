'use client';

import type { SortField } from '@/lib/customers/customer-query-fields';
import { CustomerRows, type CustomerRowData } from './customer-rows';

// On a phone the third and fourth columns (relationship, Microsoft ID) are hidden by
// `.customer-table` in components.css, so the list reads without scrolling sideways.
const COLUMNS: Array<{ field: SortField; label: string }> = [
  { field: 'name', label: 'Company' },
  { field: 'domain', label: 'Primary domain' },
  { field: 'relationship', label: 'Relationship' },
];

/**
 * The customer table. A client component fed plain values (rows as tuples, each column's sort
 * link as a URL built on the server): as server components, every element went into the page's
 * RSC payload, was parsed back for the HTML and was inlined into the page a second time, most of
 * a warm dashboard request's cost in the bench profile. Sort links are plain `<a>`, as the rows'.
 */
export function CustomerTable({
  rows,
  sort,
  dir,
  total,
  sortHrefs,
}: {
  rows: readonly CustomerRowData[];
  sort: SortField;
  dir: 'asc' | 'desc';
  total: number;
  /** Each column's link: sorted by it, ascending, or reversed when it is the current sort. */
  sortHrefs: Record<SortField, string>;
}) {
  return (
    <table className="customer-table" data-testid="customer-table">
      <caption className="visually-hidden">
        Customers, {total} matching, sorted by {sort} {dir === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map(({ field, label }) => {
            const active = sort === field;
            const next = active && dir === 'asc' ? 'descending' : 'ascending';
            return (
              <th
                key={field}
                scope="col"
                aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <a href={sortHrefs[field]} data-testid={`sort-${field}`}>
                  {label}
                  {active && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                  <span className="visually-hidden">{`, sort ${next}`}</span>
                </a>
              </th>
            );
          })}
          <th scope="col">Microsoft ID</th>
        </tr>
      </thead>
      <CustomerRows rows={rows} />
    </table>
  );
}
