import Link from 'next/link';
import { accessQueryString, type AccessQuery } from '@/lib/access/access-query';

export function AccessPagination({ query, pageCount }: { query: AccessQuery; pageCount: number }) {
  const href = (page: number) => `/dashboard/access${accessQueryString(query, { page })}`;
  return (
    <nav className="pagination" aria-label="Pages">
      {query.page > 1 ? (
        <Link href={href(query.page - 1)} rel="prev" data-testid="page-prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span data-testid="page-indicator" aria-current="page">
        Page {query.page} of {pageCount}
      </span>
      {query.page < pageCount ? (
        <Link href={href(query.page + 1)} rel="next" data-testid="page-next">
          Next →
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
