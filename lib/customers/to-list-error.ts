import { isConnectionError } from '@/lib/tokens/connection-error';
import { isAppError } from '@/lib/errors/app-error';
import type { ListError } from './customer-list-entry';

/** What the dashboard may say about a failed load: stable code and message, never internals. */
export function toListError(e: unknown): ListError {
  if (isConnectionError(e)) return { code: e.code, message: e.message, adviceCode: e.advice?.code };
  if (isAppError(e)) return { code: e.code, message: e.message };
  return { code: 'customers_unavailable', message: 'The customer list could not be loaded.' };
}
