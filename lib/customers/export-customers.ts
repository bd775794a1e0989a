import 'server-only';
import { recordingExport } from '@/lib/activity/export-activity';
import type { SessionUser } from '@/lib/auth';
import { AppError } from '@/lib/errors/app-error';
import { getCustomerListCache } from './get-customer-list-cache';
import { queryCustomers } from './query-customers';
import { requireLiveConnection } from './require-live-connection';
import { DEFAULT_QUERY } from './customer-query';
import { streamCustomersCsv } from './stream-customers-csv';

/**
 * The user's tenant's full customer list as a CSV stream, sorted by name. Waits for the
 * background load to finish; a load that stopped part-way is an error, not a partial file.
 * Recorded in the activity log (customer data: for the partner's admins only).
 */
export async function exportCustomersCsv(user: SessionUser): Promise<ReadableStream<Uint8Array>> {
  return recordingExport(user, user.tid, () => buildCsv(user));
}

async function buildCsv(user: SessionUser): Promise<ReadableStream<Uint8Array>> {
  await requireLiveConnection(user);
  const entry = await getCustomerListCache().getComplete(user.tid);
  // The load may have taken a while: the connection must still be live when the file goes out.
  await requireLiveConnection(user);
  if (entry.status !== 'complete') {
    throw new AppError(
      entry.error?.code ?? 'customers_unavailable',
      entry.error?.message ?? 'The customer list could not be loaded.',
      503,
    );
  }
  const all = queryCustomers(entry, { ...DEFAULT_QUERY, pageSize: entry.items.length || 1 });
  return streamCustomersCsv(all.items);
}
