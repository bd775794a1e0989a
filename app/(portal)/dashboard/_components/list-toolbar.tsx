import { formatCount } from '@/lib/format/format-count';
import { customerQueryString, type CustomerQuery } from '@/lib/customers/customer-query';

/** Total count, refresh (a POST: it calls Partner Center again) and the CSV export. */
export function ListToolbar({
  query,
  total,
  loading,
}: {
  query: CustomerQuery;
  total: number;
  loading: boolean;
}) {
  const filtered = Boolean(query.q || query.relationship);
  return (
    <div className="toolbar">
      <p data-testid="total-count">
        <strong>{formatCount(total)}</strong> {filtered ? 'matching customers' : 'customers'}
        {loading && ' so far'}
      </p>
      <form method="post" action={`/api/customers/refresh${customerQueryString(query)}`}>
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
