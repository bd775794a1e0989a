'use client';

import Link from 'next/link';

/**
 * Previous / "Page n of m" / next. A client component fed plain values (see Pager), so a page's
 * RSC payload carries one element and its props instead of the navigation's element tree.
 */
export function PagerNav({
  page,
  pageCount,
  more,
  prevHref,
  nextHref,
}: {
  page: number;
  pageCount: number;
  more: boolean;
  prevHref?: string;
  nextHref?: string;
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      {prevHref ? (
        <Link href={prevHref} rel="prev" data-testid="page-prev">
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
      {nextHref ? (
        <Link href={nextHref} rel="next" data-testid="page-next">
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
