/** Where a sign-in returns when no (acceptable) return path was given. */
export const DEFAULT_RETURN_PATH = '/dashboard';

/** Longer values are refused rather than cut: a cut path is not the one that was asked for. */
const MAX_LENGTH = 2048;

/**
 * The one return-path parser (the `callbackUrl` of /signin and of next-auth). It accepts only a
 * plain path on the portal's own origin, and answers the path (with query and fragment) to
 * redirect to, or undefined:
 * - only printable ASCII: control characters (tab, newline, NUL), spaces of any kind and anything
 *   outside ASCII are refused, because browsers drop or rewrite them and `/\t/evil` becomes
 *   `//evil`, and a Location header cannot carry them;
 * - no backslash (browsers read `/\evil` as `//evil`);
 * - a path starting with a single `/`, or an absolute URL, resolved against the portal's origin
 *   with the URL parser, must land on that same origin, with no user or password;
 * - the result is re-checked to start with exactly one `/`.
 */
export function parseReturnPath(value: unknown, portalUrl: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return;
  if (!/^[\x21-\x7e]+$/.test(value) || value.includes('\\')) return;
  const origin = new URL(portalUrl).origin;
  const relative = value.startsWith('/');
  if (relative && value.startsWith('//')) return;
  if (!relative && !/^https?:\/\//i.test(value)) return;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return;
  }
  if (url.origin !== origin || url.username || url.password) return;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return;
  return path;
}
