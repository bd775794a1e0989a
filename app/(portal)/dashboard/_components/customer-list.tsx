import { formatCount } from '@/lib/format/format-count';
import type { SessionUser } from '@/lib/auth';
import {
  customerQueryString,
  loadCustomerPage,
  SORT_FIELDS,
  type CustomerListPage,
  type CustomerQuery,
  type SortField,
} from '@/lib/customers';
import { DegradedBanner } from '@/app/_components/degraded-banner';
import { Pager } from '@/app/_components/pager';
import { CustomerFilters } from './customer-filters';
import { CustomerTable } from './customer-table';
import { ErrorState } from './error-state';
import { ListToolbar } from './list-toolbar';
import { redirectNotConnected } from './load-failure';
import { LoadProgress } from './load-progress';
import { ReconnectBanner } from './reconnect-banner';
import { RELATIONSHIP_LABELS } from './relationship-label';

/** The customer list page's content: one page of the user's own tenant's customers, or why not. */
export async function CustomerList({ user, query }: { user: SessionUser; query: CustomerQuery }) {
  const result = await loadCustomerPage(user, query);

  if (result.kind === 'not-connected') redirectNotConnected(user);

  return (
    <main>
      <h1>Customers</h1>
      <DegradedBanner />
      {result.kind === 'reconnect' && (
        <ReconnectBanner advice={result.advice} isAdmin={user.isPartnerAdmin} />
      )}
      {result.kind === 'error' && (
        <ErrorState
          code={result.code}
          message={result.message}
          refId={result.ref}
          retryHref={`/dashboard${customerQueryString(query)}`}
        />
      )}
      {result.kind === 'ok' && <LoadedList page={result.page} />}
    </main>
  );
}

/** The list once loaded (or loading): filters, count, progress, the table and the pager. */
function LoadedList({ page }: { page: CustomerListPage }) {
  const { query, progress } = page;
  const filtered = Boolean(query.q || query.relationship);
  const sortHrefs = Object.fromEntries(
    SORT_FIELDS.map((sort) => {
      const dir = query.sort === sort && query.dir === 'asc' ? 'desc' : 'asc';
      return [sort, `/dashboard${customerQueryString(query, { sort, dir, page: 1 })}`];
    }),
  ) as Record<SortField, string>;
  return (
    <>
      <CustomerFilters query={query} />
      <ListToolbar
        total={page.total}
        filtered={filtered}
        loading={progress.status === 'loading'}
        refreshAction={`/api/customers/refresh${customerQueryString(query)}`}
      />
      {progress.status === 'loading' && <LoadProgress initialLoaded={progress.loaded} />}
      {progress.status === 'error' && (
        <p className="card banner-bad" role="alert" data-testid="partial-list">
          Only {formatCount(progress.loaded)} customers could be loaded: {progress.error?.message}{' '}
          <code>{progress.error?.code}</code>. Use Refresh to try again.
        </p>
      )}
      {page.total === 0 ? (
        <p className="card" data-testid="empty-state">
          {filtered ? 'No customer matches this search.' : 'This partner has no customers yet.'}
        </p>
      ) : (
        <>
          <CustomerTable
            rows={page.items.map(
              (c) => [c.id, c.companyName, c.domain, RELATIONSHIP_LABELS[c.relationship]] as const,
            )}
            sort={query.sort}
            dir={query.dir}
            total={page.total}
            sortHrefs={sortHrefs}
          />
          <Pager
            page={query.page}
            pageCount={page.pageCount}
            href={(n) => `/dashboard${customerQueryString(query, { page: n })}`}
            showSinglePage
          />
        </>
      )}
    </>
  );
}
