import type { Metadata } from 'next';
import { accessQueryString, parseAccessQuery } from '@/lib/access/access-query';
import { loadAccessPage, type AccessPage } from '@/lib/access/access-view';
import { requireUser } from '@/lib/next';
import { Pager } from '@/app/_components/pager';
import { loadFailure } from '../_components/load-failure';
import { AccessCounts } from './_components/access-counts';
import { AccessTable } from './_components/access-table';
import { AccessToolbar } from './_components/access-toolbar';
import { GrantAllMissing } from './_components/grant-all-missing';
import { SyncStatus } from './_components/sync-status';

export const metadata: Metadata = { title: 'Customer access · Partner Portal' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * For every customer of the signed-in user's own tenant: can we manage it? GDAP, the app's
 * consent and the last error, from the background sync's rows (a database query, not a call
 * per customer). All list state comes from the URL.
 */
export default async function AccessPageView({ searchParams }: { searchParams: SearchParams }) {
  const query = parseAccessQuery(await searchParams);
  const user = await requireUser(`/dashboard/access${accessQueryString(query)}`);
  let page: AccessPage;
  try {
    page = await loadAccessPage(user, query);
  } catch (e) {
    return loadFailure(e, user, {
      title: 'Customer access',
      retryHref: `/dashboard/access${accessQueryString(query)}`,
    });
  }
  return (
    <main>
      <h1>Customer access</h1>
      <p className="muted">
        For each customer: its GDAP relationships, whether this portal&apos;s app is consented in
        its tenant, and the last access error. Kept fresh in the background.
      </p>
      <SyncStatus sync={page.sync} isAdmin={user.isPartnerAdmin} />
      <AccessCounts counts={page.counts} query={page.query} expiryDays={page.expiryDays} />
      {user.isPartnerAdmin && (
        <GrantAllMissing user={user} missing={page.counts.notConsented} grant={page.sync?.grant} />
      )}
      <AccessToolbar query={page.query} total={page.total} />
      {page.total === 0 ? (
        <p className="card" data-testid="access-empty">
          {page.query.filter !== 'all' || page.query.q
            ? 'No customer matches this filter.'
            : 'No customer has been synced yet.'}
        </p>
      ) : (
        <>
          <AccessTable rows={page.rows} query={page.query} />
          <Pager
            page={page.query.page}
            pageCount={page.pageCount}
            href={(n) => `/dashboard/access${accessQueryString(page.query, { page: n })}`}
          />
        </>
      )}
    </main>
  );
}
