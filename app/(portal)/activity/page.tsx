import type { Metadata } from 'next';
import { Pager } from '@/app/_components/pager';
import { Forbidden } from '@/app/_shell/forbidden';
import {
  activityQueryString,
  listActivity,
  parseActivityQuery,
  type ActivityPage,
} from '@/lib/activity';
import { isAppError } from '@/lib/errors/app-error';
import { requireUser } from '@/lib/next';
import { ActivityFilters } from './_components/activity-filters';
import { toActivityRowData } from './_components/activity-row-data';
import { ActivityTable } from './_components/activity-table';

export const metadata: Metadata = { title: 'Activity · Partner Portal' };

/**
 * The activity log: an admin sees their own tenant's rows, an operator partner-level rows of
 * every tenant (lib/activity decides which). Filters and page live in the URL; the CSV link
 * exports the same filters.
 */
export default async function ActivityPageView({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseActivityQuery(await searchParams);
  const user = await requireUser(`/activity${activityQueryString(query)}`);
  let page: ActivityPage;
  try {
    page = await listActivity(user, query);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.status === 403)
      return <Forbidden user={user} title="Activity" message={e.message} code={e.code} />;
    return (
      <main>
        <h1>Activity</h1>
        <p className="card status-bad" data-testid="activity-error">
          {e.message} <code>{e.code}</code>
        </p>
      </main>
    );
  }
  return (
    <main>
      <h1>Activity</h1>
      <p className="muted">
        {user.isOperator
          ? 'Every event that changed or tested a partner connection, newest first. Rows that name customer data are for that partner’s admins only.'
          : 'Every event that changed or tested your organization’s connection, newest first.'}
      </p>
      <ActivityFilters query={page.query} operator={user.isOperator} />
      <p data-testid="activity-total">
        <strong>{page.totalCapped ? `${page.total}+` : page.total}</strong>{' '}
        {page.total === 1 ? 'event' : 'events'}{' '}
        <a href={`/api/activity/export${activityQueryString(page.query, { page: 1 })}`} download>
          Download CSV
        </a>
      </p>
      {page.rows.length === 0 ? (
        <p className="card" data-testid="no-activity">
          No activity matches.
        </p>
      ) : (
        <ActivityTable rows={page.rows.map(toActivityRowData)} operator={user.isOperator} />
      )}
      <Pager
        page={page.query.page}
        pageCount={page.pageCount}
        more={page.totalCapped}
        href={(n) => `/activity${activityQueryString(page.query, { page: n })}`}
      />
    </main>
  );
}
