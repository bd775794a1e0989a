import type { AccessQuery } from './access-query';
import type { AccessRow } from './access-row';
import type { AccessRepository } from './access-repository';
import type { TenantId } from '@/lib/ids/tenant-id';

const PAGE = 200;

/**
 * Every row of one partner matching the query's filter and search, page by page in the query's
 * order (the CSV export and the console). The partner id comes from the caller's session or the
 * console's --tenant, and the repository's row-level security binds it.
 */
export async function* readAllRows(
  repo: AccessRepository,
  partnerTenantId: TenantId,
  query: AccessQuery,
  now: Date,
  expiryDays: number,
): AsyncGenerator<AccessRow[]> {
  for (let page = 1; ; page++) {
    const { rows } = await repo.queryRows(
      partnerTenantId,
      { ...query, page, size: PAGE },
      now,
      expiryDays,
    );
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}
