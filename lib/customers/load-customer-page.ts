import 'server-only';
import type { SessionUser } from '@/lib/auth';
import type { CodeAdvice as Advice } from '@/lib/entra/aadsts-advice';
import { currentLogContext, log } from '@/lib/log';
import { isAppError } from '@/lib/errors/app-error';
import { isConnectionError } from '@/lib/tokens';
import type { CustomerQuery } from './customer-query';
import { listCustomers } from './list-customers';
import type { CustomerListPage } from './query-customers';

/** What the dashboard renders: the list, or why there is none. Failures are data, not exceptions. */
export type CustomerPageResult =
  | { kind: 'ok'; page: CustomerListPage }
  | { kind: 'not-connected' }
  | { kind: 'reconnect'; advice?: Advice }
  | { kind: 'error'; code: string; message: string; ref?: string };

export async function loadCustomerPage(
  user: SessionUser,
  query: CustomerQuery,
): Promise<CustomerPageResult> {
  try {
    return { kind: 'ok', page: await listCustomers(user, query) };
  } catch (e) {
    return toFailure(e);
  }
}

/** Maps a failure to what a page may show; unexpected errors are logged and shown generically. */
export function toFailure(e: unknown): Exclude<CustomerPageResult, { kind: 'ok' }> {
  const ref = currentLogContext()?.correlationId;
  if (isConnectionError(e))
    return e.code === 'connection_missing'
      ? { kind: 'not-connected' }
      : { kind: 'reconnect', advice: e.advice };
  if (isAppError(e)) {
    log.warn(
      { event: 'customers_load_failed', errorCode: e.code, error: e },
      'customer data could not be loaded',
    );
    return { kind: 'error', code: e.code, message: e.message, ref };
  }
  log.error({ event: 'customers_load_failed', error: e }, 'unexpected error loading customer data');
  return {
    kind: 'error',
    code: 'unexpected_error',
    message: 'Something went wrong loading your customers.',
    ref,
  };
}
