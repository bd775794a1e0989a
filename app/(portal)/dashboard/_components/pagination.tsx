import Link from 'next/link';
import { customerQueryString, type CustomerQuery } from '@/lib/customers/customer-query';

export function Pagination({ query, pageCount }: { query: CustomerQuery; pageCount: number }) {
  const href = (page: number) => `/dashboard${customerQueryString(query, { page })}`;
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
