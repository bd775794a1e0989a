import Link from 'next/link';
import {
  connectionQueryString,
  type ConnectionQuery,
  type ConnectionTablePage,
  type StatusGroup,
} from '@/lib/connections';

const GROUPS: Array<{ group: StatusGroup | undefined; label: string; key: StatusGroup | 'all' }> = [
  { group: undefined, label: 'All', key: 'all' },
  { group: 'needs-person', label: 'Needs a person', key: 'needs-person' },
  { group: 'expiring', label: 'Expiring', key: 'expiring' },
  { group: 'healthy', label: 'Healthy', key: 'healthy' },
];

/**
 * The counts per status (each a link that filters by it) and the search, as a GET form: every
 * view is a URL that can be shared or bookmarked.
 */
export function ConnectionFilters({ page }: { page: ConnectionTablePage }) {
  const { query, counts } = page;
  return (
    <>
      <ul className="counts" aria-label="Connections by status" data-testid="status-counts">
        {GROUPS.map((g) => (
          <li key={g.key}>
            <Link
              href={`/connections${connectionQueryString(query, { status: g.group, page: 1 })}`}
              aria-current={query.status === g.group ? 'true' : undefined}
              data-testid={`status-${g.key}`}
            >
              {g.label} <strong data-testid={`count-${g.key}`}>{counts[g.key]}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <SearchForm query={query} />
    </>
  );
}

function SearchForm({ query }: { query: ConnectionQuery }) {
  return (
    <form
      method="get"
      action="/connections"
      className="filters"
      role="search"
      aria-label="Search connections"
    >
      <label>
        Search organization or tenant id
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={100}
          data-testid="connections-search"
        />
      </label>
      {query.status && <input type="hidden" name="status" value={query.status} />}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button className="button" type="submit" data-testid="connections-search-submit">
        Search
      </button>
    </form>
  );
}
