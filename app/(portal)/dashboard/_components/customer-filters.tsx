'use client';

import { PAGE_SIZES, type CustomerQuery } from '@/lib/customers/customer-query-fields';
import { RELATIONSHIPS } from '@/lib/partner-center/types';
import { RELATIONSHIP_LABELS } from './relationship-label';

/**
 * Search and filter as a GET form: the result is a URL, so any view can be shared or bookmarked.
 * A client component (rendered on the server all the same) so that only `query` travels in the
 * page's RSC payload, not every option element (the warm dashboard's bench profile).
 */
export function CustomerFilters({ query }: { query: CustomerQuery }) {
  return (
    <form
      method="get"
      action="/dashboard"
      className="filters"
      role="search"
      aria-label="Search customers"
    >
      <label>
        Search name or domain
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={100}
          data-testid="search-input"
        />
      </label>
      <label>
        Relationship
        <select
          name="relationship"
          defaultValue={query.relationship ?? ''}
          data-testid="relationship-filter"
        >
          <option value="">All</option>
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {RELATIONSHIP_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Per page
        <select name="pageSize" defaultValue={String(query.pageSize)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button className="button" type="submit" data-testid="search-submit">
        Search
      </button>
    </form>
  );
}
