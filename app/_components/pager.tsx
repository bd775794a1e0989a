import { PagerNav } from './pager-nav';

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
    <PagerNav
      page={page}
      pageCount={pageCount}
      more={more}
      prevHref={page > 1 ? href(page - 1) : undefined}
      nextHref={page < pageCount ? href(page + 1) : undefined}
    />
  );
}
