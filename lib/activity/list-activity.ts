import 'server-only';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '@/lib/auth';
import { withDatabase, type Database } from '@/lib/db';
import type { ActivityLogTable } from '@/lib/db/tables/activity-tables';
import type { Selectable } from 'kysely';
import { ACTIVITY_MAX_PAGE, ACTIVITY_PAGE_SIZE, type ActivityQuery } from './activity-query';
import { activityScopeOf, type ActivityScope } from './activity-scope';

/** One row as the page, the JSON API, the CSV and the console show it (camelCase, ISO time). */
export interface ActivityEntry {
  id: string;
  at: string;
  kind: string;
  result: string;
  partnerTenantId: string | null;
  actor: { type: string; upn: string | null; oid: string | null; tenantId: string | null };
  errorCode: string | null;
  correlationId: string | null;
  /** `customer`: the row names customer data (admins of the partner only). */
  audience: string;
  customerTenantId: string | null;
  viaUpn: string | null;
}

export interface ActivityPage {
  query: ActivityQuery;
  rows: ActivityEntry[];
  /** Rows matching the filters, counted up to ten pages past this one (see COUNT_AHEAD_PAGES). */
  total: number;
  /** More rows match than were counted: `total` and `pageCount` are lower bounds ("250+"). */
  totalCapped: boolean;
  pageCount: number;
}

/**
 * How far ahead of the asked page rows are counted. Counting every match of a year's log costs a
 * scan of all of them on every page view (the bench showed it); nobody needs more than "there are
 * at least ten more pages" to page on, and the CSV has every row.
 */
const COUNT_AHEAD_PAGES = 9;

/**
 * One page of the activity rows `user` may see (see activity-scope.ts), newest first, filtered
 * by the query. Counting stops ten pages ahead, so a page over a year of a large fleet's rows
 * costs a scan of a few hundred rows, not of the whole table.
 *
 * @throws AppError `forbidden_not_admin` (403) for staff; `database_unavailable` (503).
 */
export async function listActivity(user: SessionUser, query: ActivityQuery): Promise<ActivityPage> {
  return listActivityInScope(activityScopeOf(user), query);
}

/** listActivity for a scope decided elsewhere (the console's: see consoleActivityScope). */
export async function listActivityInScope(
  scope: ActivityScope,
  query: ActivityQuery,
): Promise<ActivityPage> {
  const countCap = Math.min(query.page + COUNT_AHEAD_PAGES, ACTIVITY_MAX_PAGE) * ACTIVITY_PAGE_SIZE;
  return withDatabase(async (db) => {
    const counted = await db
      .selectFrom(
        matching(db, scope, query)
          .select(sql<number>`1`.as('one'))
          .limit(countCap + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    const n = Number(counted?.n ?? 0);
    const total = Math.min(n, countCap);
    const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = await matching(db, scope, query)
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(ACTIVITY_PAGE_SIZE)
      .offset((page - 1) * ACTIVITY_PAGE_SIZE)
      .execute();
    return {
      query: { ...query, page },
      rows: rows.map(toEntry),
      total,
      totalCapped: n > countCap,
      pageCount,
    };
  });
}

/**
 * Every row `user` may see matching the query's filters (its page ignored), newest first, in
 * batches read by key (time, id), so an export of the whole retention period never holds it all.
 */
export function readAllActivity(
  user: SessionUser,
  query: ActivityQuery,
  batchSize = 1000,
): AsyncGenerator<ActivityEntry[]> {
  return readAllActivityInScope(activityScopeOf(user), query, batchSize);
}

export async function* readAllActivityInScope(
  scope: ActivityScope,
  query: ActivityQuery,
  batchSize = 1000,
): AsyncGenerator<ActivityEntry[]> {
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const rows = await withDatabase((db) => {
      let q = matching(db, scope, query).selectAll();
      if (after) {
        const { at, id } = after;
        q = q.where((eb) =>
          eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]),
        );
      }
      return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(batchSize).execute();
    });
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

/** The scope and the filters, as one WHERE: both always apply, so no filter widens the scope. */
function matching(db: Kysely<Database>, scope: ActivityScope, query: ActivityQuery) {
  let q = db.selectFrom('activity_log').where((eb) => {
    const visible = [];
    if (scope.allPartnerRows) visible.push(eb('audience', '=', 'partner'));
    if (scope.ownTenant) visible.push(eb('partner_tenant_id', '=', scope.ownTenant));
    // activityScopeOf never returns an empty scope; if it did, this matches nothing.
    return visible.length ? eb.or(visible) : eb.val(false);
  });
  if (query.tenant) q = q.where('partner_tenant_id', '=', query.tenant);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.result) q = q.where('result', '=', query.result);
  return q;
}

function toEntry(r: Selectable<ActivityLogTable>): ActivityEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    kind: r.kind,
    result: r.result,
    partnerTenantId: r.partner_tenant_id,
    actor: {
      type: r.actor_type,
      upn: r.actor_upn,
      oid: r.actor_oid,
      tenantId: r.actor_tenant_id,
    },
    errorCode: r.error_code,
    correlationId: r.correlation_id,
    audience: r.audience,
    customerTenantId: r.customer_tenant_id,
    viaUpn: r.via_upn,
  };
}
