import 'server-only';
import { getConfig } from '@/lib/config';

/**
 * CSRF defence for the portal's own form posts: the browser's Origin header (or, failing that,
 * Referer) must be the portal's origin. Together with the SameSite=Lax session cookie this stops
 * another site from posting on a signed-in user's behalf.
 */
export function isSameOrigin(request: Request): boolean {
  const expected = new URL(getConfig().PORTAL_URL).origin;
  const origin = request.headers.get('origin');
  if (origin) return origin === expected;
  const referer = request.headers.get('referer');
  if (!referer) return false;
  try {
    return new URL(referer).origin === expected;
  } catch {
    return false;
  }
}
