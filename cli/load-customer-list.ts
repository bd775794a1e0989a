import type { TenantId } from '@/lib/ids/tenant-id';
import { AppError } from '@/lib/errors/app-error';
import type { CustomerListEntry } from '@/lib/customers/customer-list-entry';
import { getCustomerListCache } from '@/lib/customers/get-customer-list-cache';
import { getTokenBroker } from '@/lib/tokens';
import { ConnectionError } from '@/lib/tokens/connection-error';
import { adviceForStoredCode } from '@/lib/tokens/dead-grant-status';
import type { Progress } from './output/report-progress';

const POLL_MS = 200;

/**
 * A partner's complete customer list, through the same per-tenant cache the dashboard uses:
 * the first page is awaited, the rest loads in the background, and progress is read from the
 * cache entry (as the dashboard's progress bar does) and reported whenever a page lands.
 */
export async function loadCustomerList(
  tenantId: TenantId,
  onProgress: (p: Progress) => void,
): Promise<CustomerListEntry> {
  try {
    const entry = await getCustomerListCache().get(tenantId);
    let pagesSeen = 0;
    const tick = (done: boolean) => {
      if (!done && entry.pages === pagesSeen) return;
      pagesSeen = entry.pages;
      onProgress({ loaded: entry.items.length, pages: entry.pages, done });
    };
    const timer = setInterval(() => tick(false), POLL_MS);
    await entry.settled.finally(() => clearInterval(timer));
    tick(true);
    if (entry.status !== 'complete') throw errorOf(tenantId, entry);
    return entry;
  } finally {
    await getTokenBroker().idle();
  }
}

/** A load that stopped after the first page: the cache keeps only a safe code and message. */
function errorOf(tenantId: TenantId, entry: CustomerListEntry): Error {
  const error = entry.error ?? {
    code: 'customers_unavailable',
    message: 'The customer list could not be loaded.',
  };
  if (error.code === 'connection_missing' || error.code === 'connection_needs_reconnect') {
    return new ConnectionError(
      error.code,
      tenantId,
      error.adviceCode ? adviceForStoredCode(error.adviceCode) : undefined,
    );
  }
  return new AppError(
    error.code,
    `${error.message} (stopped after ${entry.items.length} customers)`,
    503,
  );
}
