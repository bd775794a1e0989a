import { contentSecurityPolicy } from './content-security-policy';

/** Headers set on every response. HSTS only when the request arrived over https. */
export function securityHeaders(
  nonce: string,
  opts: { https: boolean; dev: boolean },
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, opts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}
