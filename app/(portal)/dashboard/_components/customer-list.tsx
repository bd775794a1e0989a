import { redirect } from 'next/navigation';
import { formatCount } from '@/lib/format/format-count';
import type { SessionUser } from '@/lib/auth';
import { customerQueryString, loadCustomerPage, type CustomerQuery } from '@/lib/customers';
import { DegradedBanner } from '@/app/_components/degraded-banner';
import { Pager } from '@/app/_components/pager';
import { CustomerFilters } from './customer-filters';
import { CustomerTable } from './customer-table';
import { ErrorState } from './error-state';
import { ListToolbar } from './list-toolbar';
import { LoadProgress } from './load-progress';
import { ReconnectBanner } from './reconnect-banner';

/** The customer list page's content: one page of the user's own tenant's customers, or why not. */
export async function CustomerList({ user, query }: { user: SessionUser; query: CustomerQuery }) {
  const result = await loadCustomerPage(user, query);

  if (result.kind === 'not-connected') {
    if (user.isOperator) redirect('/connections');
    redirect(
      `/not-connected?reason=tenant_not_connected&tenant=${user.tid}${user.isPartnerAdmin ? '&admin=1' : ''}`,
    );
  }

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
      {result.kind === 'ok' && (
        <>
          <CustomerFilters query={result.page.query} />
          <ListToolbar
            query={result.page.query}
            total={result.page.total}
            loading={result.page.progress.status === 'loading'}
          />
          {result.page.progress.status === 'loading' && (
            <LoadProgress initialLoaded={result.page.progress.loaded} />
          )}
          {result.page.progress.status === 'error' && (
            <p className="card banner-bad" role="alert" data-testid="partial-list">
              Only {formatCount(result.page.progress.loaded)} customers could be loaded:{' '}
              {result.page.progress.error?.message} <code>{result.page.progress.error?.code}</code>.
              Use Refresh to try again.
            </p>
          )}
          {result.page.total === 0 ? (
            <p className="card" data-testid="empty-state">
              {result.page.query.q || result.page.query.relationship
                ? 'No customer matches this search.'
                : 'This partner has no customers yet.'}
            </p>
          ) : (
            <>
              <CustomerTable
                items={result.page.items}
                query={result.page.query}
                total={result.page.total}
              />
              <Pager
                page={result.page.query.page}
                pageCount={result.page.pageCount}
                href={(n) => `/dashboard${customerQueryString(result.page.query, { page: n })}`}
                showSinglePage
              />
            </>
          )}
        </>
      )}
    </main>
  );
}
