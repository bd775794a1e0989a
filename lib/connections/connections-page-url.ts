import 'server-only';
import { getConfig } from '@/lib/config';

/** The Connections page with a notice to show (codes only, never data). */
export function connectionsPageUrl(
  notice: {
    checked?: string;
    disconnected?: boolean;
    purge?: 'purged' | 'refused' | 'not_asked';
    error?: string;
    webhook?: string;
  } = {},
): string {
  const url = new URL('/connections', getConfig().PORTAL_URL);
  if (notice.checked) url.searchParams.set('checked', notice.checked);
  if (notice.disconnected) url.searchParams.set('disconnected', '1');
  if (notice.purge && notice.purge !== 'not_asked') url.searchParams.set('purge', notice.purge);
  if (notice.error) url.searchParams.set('error', notice.error);
  if (notice.webhook) url.searchParams.set('webhook', notice.webhook);
  return url.toString();
}
