import 'server-only';
import { getConfig } from '@/lib/config';

/**
 * CSRF defence for the portal's own form posts. Browsers label every request with Fetch
 * Metadata (`Sec-Fetch-Site`); when present it must say `same-origin`. Otherwise the Origin
 * header (or Referer) must be the portal's origin. The portal's `Referrer-Policy: no-referrer`
 * makes browsers send `Origin: null` on form posts, which is why Fetch Metadata comes first.
 * Together with the SameSite=Lax session cookie this stops other sites posting as our users.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const expected = new URL(getConfig().PORTAL_URL).origin;
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') return origin === expected;
  const referer = request.headers.get('referer');
  if (!referer) return false;
  try {
    return new URL(referer).origin === expected;
  } catch {
    return false;
  }
}
