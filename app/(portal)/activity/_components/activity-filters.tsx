import Link from 'next/link';
import { ACTIVITY_KINDS, ACTIVITY_RESULTS, type ActivityQuery } from '@/lib/activity';

/**
 * Kind, result and (for operators) tenant, as a GET form: every view is a URL that can be shared
 * or bookmarked, and works without JavaScript.
 */
export function ActivityFilters({ query, operator }: { query: ActivityQuery; operator: boolean }) {
  return (
    <form
      method="get"
      action="/activity"
      className="filters"
      role="search"
      aria-label="Filter activity"
    >
      {operator && (
        <label>
          Partner tenant id
          <input
            type="search"
            name="tenant"
            defaultValue={query.tenant ?? ''}
            maxLength={36}
            pattern="[0-9a-fA-F\-]{36}"
            data-testid="activity-tenant"
          />
        </label>
      )}
      <label>
        Kind
        <select name="kind" defaultValue={query.kind ?? ''} data-testid="activity-kind">
          <option value="">Any</option>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Result
        <select name="result" defaultValue={query.result ?? ''} data-testid="activity-result">
          <option value="">Any</option>
          {ACTIVITY_RESULTS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button className="button" type="submit" data-testid="activity-filter-submit">
        Filter
      </button>
      {(query.tenant || query.kind || query.result) && <Link href="/activity">Clear</Link>}
    </form>
  );
}
