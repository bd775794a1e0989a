import Link from 'next/link';

/** Previous / "Page n of m" / next, as links (`href(page)` builds each page's URL). */
export function Pager({
  page,
  pageCount,
  href,
  more = false,
  showSinglePage = false,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** `pageCount` is a lower bound (the list was counted only so far): "Page 1 of 10+". */
  more?: boolean;
  /** Show "Page 1 of 1" too (the customer list always says where it is); others hide it. */
  showSinglePage?: boolean;
}) {
  if (pageCount <= 1 && !showSinglePage) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" data-testid="page-prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span data-testid="page-indicator" aria-current="page">
        Page {page} of {pageCount}
        {more ? '+' : ''}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" data-testid="page-next">
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
