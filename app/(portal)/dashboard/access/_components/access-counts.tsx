import {
  accessQueryString,
  FILTER_LABELS,
  type AccessCounts,
  type AccessFilter,
  type AccessQuery,
} from '@/lib/access/access-query';

const SHOWN: Array<[AccessFilter, keyof AccessCounts]> = [
  ['can-manage', 'canManage'],
  ['expiring', 'expiring'],
  ['expired-or-none', 'expiredOrNone'],
  ['not-consented', 'notConsented'],
  ['global-admin', 'globalAdmin'],
  ['error', 'error'],
];

/** The counts at the top. They overlap (one customer can be in several), and say so. Plain links (see access-table.tsx). */
export function AccessCounts({
  counts,
  query,
  expiryDays,
}: {
  counts: AccessCounts;
  query: AccessQuery;
  expiryDays: number;
}) {
  return (
    <section aria-labelledby="counts-heading" data-testid="access-counts">
      <h2 id="counts-heading" className="visually-hidden">
        Counts
      </h2>
      <p className="muted">
        {counts.total.toLocaleString('en-US')} customers. These counts overlap: a customer can be in
        several.
      </p>
      <ul className="filters">
        {SHOWN.map(([filter, key]) => (
          <li key={filter}>
            <a
              href={`/dashboard/access${accessQueryString(query, { filter, page: 1 })}`}
              aria-current={query.filter === filter ? 'true' : undefined}
              data-testid={`count-${filter}`}
              data-count={counts[key]}
            >
              {filter === 'expiring'
                ? `GDAP expiring within ${expiryDays} days`
                : FILTER_LABELS[filter]}
              : <strong>{counts[key].toLocaleString('en-US')}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
