import Link from 'next/link';
import {
  customerQueryString,
  type CustomerQuery,
  type SortField,
} from '@/lib/customers/customer-query';
import type { CustomerSummary } from '@/lib/partner-center/types';
import { CustomerRows } from './customer-rows';
import { RELATIONSHIP_LABELS } from './relationship-label';

// On a phone the secondary columns are hidden (components.css), so the list reads without scrolling sideways.
const COLUMNS: Array<{ field: SortField; label: string; secondary?: boolean }> = [
  { field: 'name', label: 'Company' },
  { field: 'domain', label: 'Primary domain' },
  { field: 'relationship', label: 'Relationship', secondary: true },
];

/** Column header that sorts by its field; a second click reverses. Links, so the keyboard and the URL both work. */
function SortHeader({
  query,
  field,
  label,
  secondary,
}: {
  query: CustomerQuery;
  field: SortField;
  label: string;
  secondary?: boolean;
}) {
  const active = query.sort === field;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      className={secondary ? 'col-secondary' : undefined}
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link
        href={`/dashboard${customerQueryString(query, { sort: field, dir, page: 1 })}`}
        data-testid={`sort-${field}`}
      >
        {label}
        {active && <span aria-hidden="true">{query.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span className="visually-hidden">{`, sort ${dir === 'asc' ? 'ascending' : 'descending'}`}</span>
      </Link>
    </th>
  );
}

export function CustomerTable({
  items,
  query,
  total,
}: {
  items: CustomerSummary[];
  query: CustomerQuery;
  total: number;
}) {
  return (
    <table data-testid="customer-table">
      <caption className="visually-hidden">
        Customers, {total} matching, sorted by {query.sort}{' '}
        {query.dir === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader
              key={c.field}
              query={query}
              field={c.field}
              label={c.label}
              secondary={c.secondary}
            />
          ))}
          <th scope="col" className="col-secondary">
            Microsoft ID
          </th>
        </tr>
      </thead>
      <CustomerRows
        rows={items.map((c) => [
          c.id,
          c.companyName,
          c.domain,
          RELATIONSHIP_LABELS[c.relationship],
        ])}
      />
    </table>
  );
}
