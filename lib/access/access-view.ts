import 'server-only';
import { recordingExport } from '@/lib/activity/export-activity';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { requireLiveConnection } from '@/lib/customers/require-live-connection';
import { toDatabaseError } from '@/lib/db/database-error';
import { AppError } from '@/lib/errors/app-error';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { log } from '@/lib/log';
import { isConnectionError } from '@/lib/tokens/connection-error';
import { accessCsvStream } from './access-csv';
import { readAllRows } from './read-all-rows';
import { accessQueryString, type AccessCounts, type AccessQuery } from './access-query';
import type { AccessRow, AccessSyncState } from './access-row';
import { checkCustomerNow } from './check-customer-now';
import { getAccessViewCache } from './view-cache';
import { getAccessRepository } from './get-access-repository';
import { triggerAccessSync } from './jobs';
import { liveSyncDeps } from './live-sync-deps';

export interface AccessPage {
  query: AccessQuery;
  rows: AccessRow[];
  total: number;
  pageCount: number;
  counts: AccessCounts;
  sync: AccessSyncState | null;
  expiryDays: number;
}

/**
 * The partner tenant whose access rows `user` may read: their own, from the session only, and
 * only while its connection lives. The guard every customer data path passes
 * (requireLiveConnection: an in-memory hit while the connection lives, emptied at once by a
 * disconnect or a dead grant), so a page view costs no Key Vault read; operators of the home
 * tenant have no connection and see no customer data.
 */
async function partnerOf(user: SessionUser): Promise<TenantId> {
  try {
    await requireLiveConnection(user);
  } catch (e) {
    if (isConnectionError(e) && e.code === 'connection_missing')
      throw new AppError(
        'tenant_not_connected',
        'Your organization is not connected to the portal.',
        404,
      );
    throw e;
  }
  return user.tid;
}

async function db<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toDatabaseError(e);
  }
}

/** One page of the signed-in user's own tenant's access view, with the counts and the sync's progress. */
export async function loadAccessPage(user: SessionUser, query: AccessQuery): Promise<AccessPage> {
  const partner = await partnerOf(user);
  const expiryDays = getConfig().ACCESS_EXPIRY_WARNING_DAYS;
  // Read after the guard above, keyed by the session's partner: see AccessViewCache.
  const cache = getAccessViewCache();
  const queryKey = accessQueryString(query);
  let page = cache.page(partner, queryKey);
  if (!page) {
    const known = cache.summary(partner);
    page = await db(() =>
      getAccessRepository().readPage(partner, query, new Date(), expiryDays, known),
    );
    if (!known) cache.setSummary(partner, { byFilter: page.byFilter, sync: page.sync });
    cache.setPage(partner, queryKey, page);
  }
  const { rows, total, counts, sync } = page;
  // First visit of a partner never synced: start its first pass now rather than at the next slot.
  if (!sync)
    await triggerAccessSync(partner).catch((e: unknown) =>
      log.warn(
        { event: 'access_sync_trigger_failed', tenantId: partner, error: e },
        'could not queue the access sync',
      ),
    );
  return {
    query,
    rows,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.size)),
    counts,
    sync,
    expiryDays,
  };
}

/** The sync's progress only (the page polls it while a pass runs). */
export async function loadAccessProgress(user: SessionUser): Promise<AccessSyncState | null> {
  const partner = await partnerOf(user);
  return db(() => getAccessRepository().readSyncState(partner));
}

/** One customer's access row (with its relationships), of the user's own tenant only. */
export async function loadAccessDetail(user: SessionUser, customerId: string): Promise<AccessRow> {
  const partner = await partnerOf(user);
  // The route parameter is parsed here, where it enters: anything but a GUID is no customer.
  const customer = parseTenantId(customerId);
  if (!customer)
    throw new AppError('access_customer_not_found', 'No such customer in your access list.', 404);
  const row = await db(() => getAccessRepository().getRow(partner, customer));
  if (!row)
    throw new AppError('access_customer_not_found', 'No such customer in your access list.', 404);
  return row;
}

/** "Check now" for one customer of the user's own tenant. */
export async function checkNow(user: SessionUser, customerId: TenantId): Promise<AccessRow> {
  const partner = await partnerOf(user);
  const row = await checkCustomerNow(
    partner,
    customerId,
    liveSyncDeps(partner, { concurrency: 1 }),
  );
  getAccessViewCache().forget(partner);
  return row;
}

/** Every row of the user's tenant matching the query's filter and search, as a CSV stream (recorded in the activity log). */
export async function exportAccessCsv(
  user: SessionUser,
  query: AccessQuery,
): Promise<ReadableStream<Uint8Array>> {
  const partner = await partnerOf(user);
  return recordingExport(user, partner, async () => {
    const pages = readAllRows(
      getAccessRepository(),
      partner,
      query,
      new Date(),
      getConfig().ACCESS_EXPIRY_WARNING_DAYS,
    );
    return db(() => accessCsvStream(pages));
  });
}
