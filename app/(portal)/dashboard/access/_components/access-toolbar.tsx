import {
  ACCESS_FILTERS,
  accessQueryString,
  FILTER_LABELS,
  type AccessQuery,
} from '@/lib/access/access-query';

/** Filter and search (a GET form: all list state lives in the URL), the total and the CSV export. */
export function AccessToolbar({ query, total }: { query: AccessQuery; total: number }) {
  return (
    <div className="toolbar">
      <form method="get" action="/dashboard/access" className="filters" role="search">
        <label>
          Show{' '}
          <select name="filter" defaultValue={query.filter} data-testid="access-filter">
            {ACCESS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={100}
            placeholder="Name, domain or tenant id"
            data-testid="access-search"
          />
        </label>
        {query.sort !== 'name' && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== 'asc' && <input type="hidden" name="dir" value={query.dir} />}
        <button className="button secondary" type="submit">
          Apply
        </button>
      </form>
      <p data-testid="access-total">
        <strong>{total.toLocaleString('en-US')}</strong>{' '}
        {query.filter === 'all' && !query.q ? 'customers' : 'matching customers'}
      </p>
      <a
        className="button secondary"
        href={`/api/access/export${accessQueryString(query, { page: 1 })}`}
        download
        data-testid="access-export-csv"
      >
        Export CSV
      </a>
    </div>
  );
}
