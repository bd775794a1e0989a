/**
 * The portal's Content-Security-Policy. Scripts run only with the per-request nonce (Next adds
 * it to its own scripts when it sees the header on the request), so an injected <script> cannot
 * run. Inline style attributes stay allowed: they cannot execute code, and React uses them.
 */
export function contentSecurityPolicy(
  nonce: string,
  opts: { https: boolean; dev: boolean },
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over https: on http://localhost it would send the browser to https for our own assets.
  if (opts.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}
