'use client';

import { formatCount } from '@/lib/format/format-count';

/**
 * Total count, refresh (a POST to `refreshAction`, which keeps the view's query: it calls Partner
 * Center again) and the CSV export. A client component for the same reason as CustomerFilters.
 */
export function ListToolbar({
  total,
  filtered,
  loading,
  refreshAction,
}: {
  total: number;
  filtered: boolean;
  loading: boolean;
  refreshAction: string;
}) {
  return (
    <div className="toolbar">
      <p data-testid="total-count">
        <strong>{formatCount(total)}</strong> {filtered ? 'matching customers' : 'customers'}
        {loading && ' so far'}
      </p>
      <form method="post" action={refreshAction}>
        <button className="button secondary" type="submit" data-testid="refresh">
          Refresh
        </button>
      </form>
      <a
        className="button secondary"
        href="/api/customers/export"
        download
        data-testid="export-csv"
      >
        Export CSV (all customers)
      </a>
    </div>
  );
}
