import 'server-only';
import { getConfig } from '@/lib/config';
import { getEntraMetadata } from './get-entra-metadata';

/**
 * Entra's end-session URL, so signing out of the portal also ends the Entra session and comes
 * back to the portal's home page (`${PORTAL_URL}/` must be a registered logout URL). If the
 * metadata cannot be fetched, the portal's own sign-out still completes: we return home.
 */
export async function buildSignOutUrl(logoutHint?: string): Promise<string> {
  const { PORTAL_URL } = getConfig();
  try {
    const { end_session_endpoint: endSession } = await getEntraMetadata();
    const url = new URL(endSession);
    url.searchParams.set('post_logout_redirect_uri', `${PORTAL_URL}/`);
    if (logoutHint) url.searchParams.set('logout_hint', logoutHint);
    return url.toString();
  } catch {
    return `${PORTAL_URL}/`;
  }
}
