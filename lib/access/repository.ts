import 'server-only';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@/lib/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { isGuid } from '@/lib/ids/guid';
import type { AccessRow, AccessSyncState } from './access-row';
import type { AccessRepository, DerivedRowInput, DigestItem } from './access-repository';

import {
  ACCESS_FILTERS,
  type AccessCounts,
  type AccessFilter,
  type AccessQuery,
} from './access-query';
import { isExpiringWithin } from './derive-access';
import type { StoredAssignments } from './read-assignments';
import type { AccessState, AssignmentSummary, ConsentState, RelationshipSummary } from './types';
import type { TenantId } from '@/lib/ids/tenant-id';

export type * from './access-repository';

const DAY_MS = 86_400_000;
/** Rows per INSERT when the sync writes thousands of customers. */
const UPSERT_CHUNK = 500;

type Trx = Transaction<Database>;

/**
 * Runs `fn` in a transaction bound to one partner tenant: as the role `portal_access_tenant`,
 * with `portal.partner_tenant_id` set for this transaction only. Row-level security on the
 * access tables then shows and accepts that partner's rows and no others (migration
 * 202611300200_access_customers). Every exported query goes through here.
 */
async function scoped<T>(
  db: Kysely<Database>,
  partnerTenantId: TenantId,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  // The type says it was parsed; this guard stays because the id becomes a security setting.
  if (!isGuid(partnerTenantId))
    throw new AppError('invalid_tenant_id', 'The tenant id is not a GUID.', 400);
  return db.transaction().execute(async (trx) => {
    // Both in one round trip: `set_config('role', …, true)` is SET LOCAL ROLE (the role check
    // included), and a page view's transaction is only a handful of statements.
    await sql`select set_config('role', 'portal_access_tenant', true),
      set_config('portal.partner_tenant_id', ${partnerTenantId}, true)`.execute(trx);
    return fn(trx);
  });
}

export function createAccessRepository(db: Kysely<Database>): AccessRepository {
  return {
    replaceDerived: (partner, rows, now, expiryDays) =>
      scoped(db, partner, async (trx) => {
        await upsert(trx, partner, rows, now, expiryDays);
        const keep = rows.map((r) => r.customerTenantId);
        await trx
          .deleteFrom('access_customers')
          .where(sql<boolean>`customer_tenant_id <> all(${keep}::uuid[])`)
          .execute();
      }),

    upsertDerived: (partner, rows, now, expiryDays) =>
      scoped(db, partner, (trx) => upsert(trx, partner, rows, now, expiryDays)),

    nextDue: (partner, now, limit) =>
      scoped(db, partner, async (trx) => {
        const rows = await trx
          .selectFrom('access_customers')
          .select('customer_tenant_id')
          .where('access', '=', 'gdap')
          .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
          .orderBy(sql`next_check_at asc nulls first`)
          .orderBy('customer_tenant_id')
          .limit(Math.max(0, limit))
          .execute();
        return rows.map((r) => fromColumn(r.customer_tenant_id));
      }),

    countDue: (partner, now) =>
      scoped(db, partner, async (trx) => {
        const row = await trx
          .selectFrom('access_customers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('access', '=', 'gdap')
          .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }),

    recordCheck: (partner, customer, r) =>
      scoped(db, partner, async (trx) => {
        await trx
          .updateTable('access_customers')
          .set({
            // A consent seen granted by an earlier check and now gone is news for the digest.
            consent_lost_at: sql`case when consent = 'granted' and ${r.consent} in ('missing', 'partial') then ${r.checkedAt} else consent_lost_at end`,
            consent: r.consent,
            missing_scopes: r.missingScopes,
            last_error_code: r.error?.code ?? null,
            last_error_title: r.error?.title ?? null,
            last_error_fix: r.error?.fix ?? null,
            last_error_at: r.error ? r.checkedAt : null,
            checked_at: r.checkedAt,
            next_check_at: r.nextCheckAt,
            updated_at: sql`now()`,
          })
          .where('customer_tenant_id', '=', customer)
          .execute();
      }),

    storedAssignments: (partner) =>
      scoped(db, partner, async (trx) => {
        // One row per relationship whose assignments the last pass stored, straight from the JSON.
        const { rows } = await sql<{ id: string; modified: string | null; assignments: unknown }>`
          select r->>'id' as id, r->>'lastModifiedDateTime' as modified, r->'assignments' as assignments
          from access_customers cross join lateral jsonb_array_elements(relationships) r
          where jsonb_typeof(r->'assignments') = 'array'`.execute(trx);
        const map = new Map<string, StoredAssignments>();
        for (const row of rows) {
          const list = Array.isArray(row.assignments)
            ? (row.assignments as AssignmentSummary[])
            : [];
          map.set(row.id, {
            lastModifiedDateTime: row.modified ?? undefined,
            assignments: list.map((a) => ({
              id: a.id,
              status: a.status,
              groupId: a.groupId,
              roleIds: a.roleIds ?? [],
            })),
          });
        }
        return map;
      }),

    markAssignmentGaps: (partner, unassigned, advice, checkedAt, nextCheck) =>
      scoped(db, partner, async (trx) => {
        const ids = [...unassigned];
        if (ids.length)
          await trx
            .updateTable('access_customers')
            .set({
              consent: 'unknown',
              missing_scopes: sql`'{}'::text[]`,
              last_error_code: advice.code,
              last_error_title: advice.title,
              last_error_fix: advice.fix,
              last_error_at: checkedAt,
              checked_at: checkedAt,
              next_check_at: nextCheck,
              updated_at: sql`now()`,
            })
            .where(sql<boolean>`customer_tenant_id = any(${ids}::uuid[])`)
            .execute();
        // A group holds roles again: check that customer now rather than after the failed cadence.
        await trx
          .updateTable('access_customers')
          .set({ next_check_at: null })
          .where('last_error_code', '=', advice.code)
          .where(sql<boolean>`customer_tenant_id <> all(${ids}::uuid[])`)
          .execute();
      }),

    markDue: (partner, customer) =>
      scoped(db, partner, async (trx) => {
        await trx
          .updateTable('access_customers')
          .set({ next_check_at: null })
          .where('customer_tenant_id', '=', customer)
          .execute();
      }),

    getRow: (partner, customer) =>
      scoped(db, partner, async (trx) => {
        const row = await trx
          .selectFrom('access_customers')
          .selectAll()
          .where('customer_tenant_id', '=', customer)
          .executeTakeFirst();
        return row ? toAccessRow(row) : null;
      }),

    queryRows: (partner, query, now, expiryDays) =>
      scoped(db, partner, (trx) => rowsIn(trx, query, now, expiryDays)),

    counts: (partner, now, expiryDays) =>
      scoped(db, partner, async (trx) =>
        toAccessCounts(await filterCountsIn(trx, now, expiryDays)),
      ),

    readPage: (partner, query, now, expiryDays, known) =>
      // One transaction for what the page shows: one pool connection and one scan for every
      // count (none, nor the sync state, when the caller holds a recent summary); without a
      // search the filter's total is one of those counts, not another scan.
      scoped(db, partner, async (trx) => {
        const summary = known ?? {
          byFilter: await filterCountsIn(trx, now, expiryDays),
          sync: await syncStateIn(trx),
        };
        const total = query.q ? undefined : summary.byFilter[query.filter];
        const page = await rowsIn(trx, query, now, expiryDays, total);
        return { ...page, counts: toAccessCounts(summary.byFilter), ...summary };
      }),

    listNotConsented: (partner) =>
      scoped(db, partner, async (trx) => {
        const rows = await trx
          .selectFrom('access_customers')
          .select('customer_tenant_id')
          .where('access', '=', 'gdap')
          .where('consent', 'in', ['missing', 'partial'])
          .orderBy('customer_tenant_id')
          .execute();
        return rows.map((r) => fromColumn(r.customer_tenant_id));
      }),

    readSyncState: (partner) => scoped(db, partner, syncStateIn),

    digestItems: (partner, since, now, expiryDays) =>
      scoped(db, partner, async (trx) => {
        const window = sql`make_interval(days => ${expiryDays})`;
        // When the GDAP entered the window: the pass that saw a change put it there, or (unchanged
        // terms, and rows from before that column) the moment the window reached its end date.
        const entered = sql<Date>`coalesce(expiry_window_at, end_date - ${window})`;
        // In the window now, and entered it after `since`.
        const news = sql<boolean>`(${filterSql('expiring', now, expiryDays)}
          and ${entered} > ${since} and ${entered} <= ${now})`;
        const rows = await trx
          .selectFrom('access_customers')
          .select(['customer_tenant_id', 'name', 'end_date', 'consent_lost_at'])
          .select(news.as('entered'))
          .where((eb) =>
            eb.or([
              news,
              sql<boolean>`(consent_lost_at is not null and consent_lost_at > ${since})`,
            ]),
          )
          .orderBy('end_date')
          .orderBy('customer_tenant_id')
          .execute();
        return rows.flatMap((r): DigestItem[] => {
          const items: DigestItem[] = [];
          if (r.entered && r.end_date)
            items.push({
              customerTenantId: fromColumn(r.customer_tenant_id),
              name: r.name,
              kind: 'expiring',
              at: new Date(r.end_date).toISOString(),
            });
          if (r.consent_lost_at && new Date(r.consent_lost_at) > since)
            items.push({
              customerTenantId: fromColumn(r.customer_tenant_id),
              name: r.name,
              kind: 'consent_lost',
              at: new Date(r.consent_lost_at).toISOString(),
            });
          return items;
        });
      }),

    digestMarks: (partner) =>
      scoped(db, partner, async (trx) => {
        const row = await trx
          .selectFrom('access_sync_state')
          .select(['baseline_at', 'last_digest_at'])
          .executeTakeFirst();
        return {
          baselineAt: row?.baseline_at ? new Date(row.baseline_at) : undefined,
          lastDigestAt: row?.last_digest_at ? new Date(row.last_digest_at) : undefined,
        };
      }),

    writeSyncState: (partner, patch) =>
      scoped(db, partner, async (trx) => {
        const values = {
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.startedAt !== undefined && { started_at: patch.startedAt }),
          ...(patch.finishedAt !== undefined && { finished_at: patch.finishedAt }),
          ...(patch.lastFullPassAt !== undefined && { last_full_pass_at: patch.lastFullPassAt }),
          ...(patch.lastDigestAt !== undefined && { last_digest_at: patch.lastDigestAt }),
          ...(patch.relationshipsAt !== undefined && { relationships_at: patch.relationshipsAt }),
          ...(patch.relationshipCount !== undefined && {
            relationship_count: patch.relationshipCount,
          }),
          ...(patch.relationshipsEmpty !== undefined && {
            relationships_empty: patch.relationshipsEmpty,
          }),
          ...(patch.checkedInRun !== undefined && { checked_in_run: patch.checkedInRun }),
          ...(patch.dueAtStart !== undefined && { due_at_start: patch.dueAtStart }),
          ...(patch.error !== undefined && {
            error_code: patch.error?.code ?? null,
            error_title: patch.error?.title ?? null,
            error_fix: patch.error?.fix ?? null,
            error_at: patch.error?.at ?? null,
          }),
          ...(patch.grant?.status !== undefined && { grant_status: patch.grant.status }),
          ...(patch.grant?.total !== undefined && { grant_total: patch.grant.total }),
          ...(patch.grant?.done !== undefined && { grant_done: patch.grant.done }),
          ...(patch.grant?.failed !== undefined && { grant_failed: patch.grant.failed }),
          ...(patch.grant?.startedAt !== undefined && { grant_started_at: patch.grant.startedAt }),
          ...(patch.grant?.finishedAt !== undefined && {
            grant_finished_at: patch.grant.finishedAt,
          }),
          updated_at: new Date(),
        };
        await trx
          .insertInto('access_sync_state')
          .values({
            partner_tenant_id: partner,
            ...values,
            ...(patch.lastFullPassAt ? { baseline_at: patch.lastFullPassAt } : {}),
          })
          .onConflict((oc) =>
            oc.column('partner_tenant_id').doUpdateSet({
              ...values,
              // The first full pass is the digest's baseline; later passes never move it.
              ...(patch.lastFullPassAt
                ? {
                    baseline_at: sql`coalesce(access_sync_state.baseline_at, excluded.baseline_at)`,
                  }
                : {}),
            }),
          )
          .execute();
      }),
  };
}

/** One page of rows for the query; `knownTotal` spares the count when the caller has it. */
async function rowsIn(
  trx: Trx,
  query: AccessQuery,
  now: Date,
  expiryDays: number,
  knownTotal?: number,
): Promise<{ rows: AccessRow[]; total: number }> {
  let q = trx.selectFrom('access_customers');
  q = q.where(filterSql(query.filter, now, expiryDays));
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(lower(name) like ${like} or lower(coalesce(domain, '')) like ${like} or customer_tenant_id::text like ${like})`,
    );
  }
  const total =
    knownTotal ??
    Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const dir = query.dir === 'desc' ? sql`desc` : sql`asc`;
  const order = {
    name: sql`lower(name) ${dir}`,
    'end-date': sql`end_date ${dir} nulls last`,
    access: sql`access ${dir}`,
    consent: sql`consent ${dir}`,
    checked: sql`checked_at ${dir} nulls first`,
  }[query.sort];
  const rows = await q
    .selectAll()
    .orderBy(order)
    .orderBy(sql`lower(name)`)
    .orderBy('customer_tenant_id')
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .execute();
  return { rows: rows.map(toAccessRow), total };
}

/** How many rows each filter holds, in one scan (the filters overlap). */
async function filterCountsIn(
  trx: Trx,
  now: Date,
  expiryDays: number,
): Promise<Record<AccessFilter, number>> {
  const row = await trx
    .selectFrom('access_customers')
    .select(
      ACCESS_FILTERS.map((filter) =>
        sql<string>`count(*) filter (where ${filterSql(filter, now, expiryDays)})`.as(filter),
      ),
    )
    .executeTakeFirstOrThrow();
  const counts = {} as Record<AccessFilter, number>;
  for (const filter of ACCESS_FILTERS)
    counts[filter] = Number((row as Record<string, unknown>)[filter]);
  return counts;
}

function toAccessCounts(c: Record<AccessFilter, number>): AccessCounts {
  return {
    total: c.all,
    canManage: c['can-manage'],
    expiring: c.expiring,
    expiredOrNone: c['expired-or-none'],
    notConsented: c['not-consented'],
    globalAdmin: c['global-admin'],
    error: c.error,
  };
}

async function syncStateIn(trx: Trx): Promise<AccessSyncState | null> {
  const row = await trx.selectFrom('access_sync_state').selectAll().executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status as AccessSyncState['status'],
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    lastFullPassAt: iso(row.last_full_pass_at),
    relationshipsAt: iso(row.relationships_at),
    relationshipCount: row.relationship_count,
    relationshipsEmpty: row.relationships_empty,
    checkedInRun: row.checked_in_run,
    dueAtStart: row.due_at_start,
    grant: {
      status: row.grant_status as AccessSyncState['grant']['status'],
      total: row.grant_total,
      done: row.grant_done,
      failed: row.grant_failed,
      startedAt: iso(row.grant_started_at),
      finishedAt: iso(row.grant_finished_at),
    },
    error: row.error_code
      ? {
          code: row.error_code,
          title: row.error_title ?? '',
          fix: row.error_fix ?? '',
          at: iso(row.error_at),
        }
      : undefined,
  };
}

/**
 * Insert or update the relationship-derived columns, keeping consent results while GDAP stays.
 * `expiry_window_at` records when the GDAP entered the expiry window (the digest's news): `now`
 * when this write is what puts it there (new terms in the window, the stored terms not, judged at
 * the same `now`), kept while it stays, the end date minus the window when time alone brought the
 * stored terms there, and null outside the window.
 */
async function upsert(
  trx: Trx,
  partner: string,
  rows: readonly DerivedRowInput[],
  now: Date,
  expiryDays: number,
): Promise<void> {
  const storedInWindow = sql<boolean>`(access_customers.access = 'gdap'
    and not access_customers.auto_extend and access_customers.end_date is not null
    and access_customers.end_date <= ${new Date(now.getTime() + expiryDays * DAY_MS)})`;
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const chunk = rows.slice(i, i + UPSERT_CHUNK).map((r) => ({
      partner_tenant_id: partner,
      customer_tenant_id: r.customerTenantId,
      name: r.name,
      domain: r.domain ?? null,
      in_directory: r.inDirectory,
      access: r.access,
      relationships: JSON.stringify(r.relationships),
      end_date: r.endDate ?? null,
      auto_extend: r.autoExtend,
      global_admin: r.globalAdmin,
      expiry_window_at: isExpiringWithin(
        { access: r.access, endDateTime: r.endDate, autoExtend: r.autoExtend },
        now,
        expiryDays,
      )
        ? now
        : null,
      // A customer without GDAP cannot be checked: its consent is unknown until it has.
      consent: 'unknown',
      next_check_at: null,
    }));
    await trx
      .insertInto('access_customers')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['partner_tenant_id', 'customer_tenant_id']).doUpdateSet({
          name: sql`excluded.name`,
          domain: sql`excluded.domain`,
          in_directory: sql`excluded.in_directory`,
          relationships: sql`excluded.relationships`,
          end_date: sql`excluded.end_date`,
          auto_extend: sql`excluded.auto_extend`,
          global_admin: sql`excluded.global_admin`,
          expiry_window_at: sql`case
            when excluded.expiry_window_at is null then null
            when ${storedInWindow} then coalesce(access_customers.expiry_window_at,
              access_customers.end_date - make_interval(days => ${expiryDays}))
            else excluded.expiry_window_at end`,
          // Gaining GDAP makes the consent check due now; losing it makes consent unknown.
          next_check_at: sql`case
            when excluded.access = 'gdap' and access_customers.access <> 'gdap' then null
            else access_customers.next_check_at end`,
          consent: sql`case when excluded.access = 'gdap' then access_customers.consent else 'unknown' end`,
          missing_scopes: sql`case when excluded.access = 'gdap' then access_customers.missing_scopes else '{}'::text[] end`,
          last_error_code: sql`case when excluded.access = 'gdap' then access_customers.last_error_code end`,
          last_error_title: sql`case when excluded.access = 'gdap' then access_customers.last_error_title end`,
          last_error_fix: sql`case when excluded.access = 'gdap' then access_customers.last_error_fix end`,
          last_error_at: sql`case when excluded.access = 'gdap' then access_customers.last_error_at end`,
          access: sql`excluded.access`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  }
}

/** One filter as SQL over access_customers (the counts and the list share these definitions). */
function filterSql(filter: AccessFilter, now: Date, expiryDays: number) {
  const horizon = new Date(now.getTime() + expiryDays * DAY_MS);
  switch (filter) {
    case 'all':
      return sql<boolean>`true`;
    case 'can-manage':
      return sql<boolean>`(access = 'gdap' and consent = 'granted')`;
    case 'expiring':
      return sql<boolean>`(access = 'gdap' and not auto_extend and end_date is not null and end_date <= ${horizon})`;
    case 'expired-or-none':
      return sql<boolean>`(access = 'none')`;
    case 'not-consented':
      return sql<boolean>`(consent in ('missing', 'partial'))`;
    case 'global-admin':
      return sql<boolean>`global_admin`;
    case 'error':
      return sql<boolean>`(last_error_code is not null or consent = 'error')`;
    case 'pending':
      return sql<boolean>`(access = 'pending')`;
    case 'unknown':
      return sql<boolean>`(access = 'unknown')`;
    case 'not-in-directory':
      return sql<boolean>`(not in_directory)`;
  }
}

function iso(d: Date | null | undefined): string | undefined {
  return d ? new Date(d).toISOString() : undefined;
}

type RawRow = {
  customer_tenant_id: string;
  name: string;
  domain: string | null;
  in_directory: boolean;
  access: string;
  relationships: unknown;
  end_date: Date | null;
  auto_extend: boolean;
  global_admin: boolean;
  consent: string;
  missing_scopes: string[];
  last_error_code: string | null;
  last_error_title: string | null;
  last_error_fix: string | null;
  last_error_at: Date | null;
  checked_at: Date | null;
  next_check_at: Date | null;
};

/** A `uuid` column as PostgreSQL writes it (lower case, canonical): a tenant id already. */
function fromColumn(id: string): TenantId {
  return id as TenantId;
}

function toAccessRow(r: RawRow): AccessRow {
  return {
    customerTenantId: fromColumn(r.customer_tenant_id),
    name: r.name,
    domain: r.domain ?? undefined,
    inDirectory: r.in_directory,
    access: r.access as AccessState,
    relationships: Array.isArray(r.relationships) ? (r.relationships as RelationshipSummary[]) : [],
    endDate: iso(r.end_date),
    autoExtend: r.auto_extend,
    globalAdmin: r.global_admin,
    consent: r.consent as ConsentState,
    missingScopes: r.missing_scopes ?? [],
    lastError: r.last_error_code
      ? {
          code: r.last_error_code,
          title: r.last_error_title ?? '',
          fix: r.last_error_fix ?? '',
          at: iso(r.last_error_at) ?? '',
        }
      : undefined,
    checkedAt: iso(r.checked_at),
    nextCheckAt: iso(r.next_check_at),
  };
}
