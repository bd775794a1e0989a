import 'server-only';
import { getConfig } from '@/lib/config';
import { currentLogContext } from '@/lib/log';

/** The error page for a failure code, with the correlation id as a support reference (no data). */
export function connectErrorUrl(code: string): string {
  const url = new URL('/connect/error', getConfig().PORTAL_URL);
  url.searchParams.set('code', code);
  const ref = currentLogContext()?.correlationId;
  if (ref) url.searchParams.set('ref', ref);
  return url.toString();
}

/** The success page; what it shows travels in the sealed result cookie, not in this URL. */
export function connectSuccessUrl(): string {
  return new URL('/connect/success', getConfig().PORTAL_URL).toString();
}
