import 'server-only';
import { isAppError } from '@/lib/errors/app-error';
import { recordActivity } from './record-activity';

/**
 * A CSV export of customer data (the customer list, the access view), by a signed-in user or the
 * console. Customer data: the row is for that partner's admins only (audience `customer`), never
 * an operator's. The partner is the user's own tenant (verified claims) or the console's resolved
 * connection (server state).
 */
export async function recordCsvExport(
  by: { upn: string; oid: string; tid: string } | 'console',
  partnerTenantId: string,
  error?: unknown,
): Promise<void> {
  await recordActivity({
    kind: 'csv_export',
    result: error === undefined ? 'success' : 'failed',
    actor:
      by === 'console'
        ? { type: 'console' }
        : { type: 'user', upn: by.upn, oid: by.oid, tenantId: by.tid },
    partnerTenantId,
    errorCode: error === undefined ? null : isAppError(error) ? error.code : 'unexpected_error',
    audience: 'customer',
  });
}

/** Runs an export and records it, success or failure (the failure is rethrown). */
export async function recordingExport<T>(
  by: { upn: string; oid: string; tid: string } | 'console',
  partnerTenantId: string,
  run: () => Promise<T>,
): Promise<T> {
  let value: T;
  try {
    value = await run();
  } catch (e) {
    await recordCsvExport(by, partnerTenantId, e);
    throw e;
  }
  await recordCsvExport(by, partnerTenantId);
  return value;
}
