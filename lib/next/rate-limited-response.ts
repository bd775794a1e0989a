import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { RateLimitedError } from '@/lib/rate-limit';
import { errorResponse } from './error-response';

const WHAT: Record<RateLimitedError['action'], string> = {
  export: 'exported the customer list',
  refresh: 'reloaded the customer list',
  check: 'checked a connection',
  connect_start: 'started connecting',
};

const BACK: Record<RateLimitedError['action'], string> = {
  export: '/dashboard',
  refresh: '/dashboard',
  check: '/connections',
  connect_start: '/connect',
};

/**
 * 429 with Retry-After: the JSON error for scripts, and for a browser a plain page that says what
 * happened, how long to wait and where to go back to (no scripts, so the CSP has nothing to allow).
 */
export function rateLimitedResponse(e: RateLimitedError, request: NextRequest): Response {
  const retryAfter = String(e.retryAfterSeconds);
  if ((request.headers.get('accept') ?? '').includes('application/json')) {
    const response = errorResponse(e);
    response.headers.set('Retry-After', retryAfter);
    return response;
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many requests · Partner Portal</title></head>
<body><main>
<h1>Too many requests</h1>
<p data-testid="rate-limited">You have ${WHAT[e.action]} many times in a short while. To protect
Partner Center and the portal, this is limited per person. Try again in ${retryAfter}
second${e.retryAfterSeconds === 1 ? '' : 's'}.</p>
<p><code>rate_limited</code></p>
<p><a href="${BACK[e.action]}">Back</a></p>
</main></body></html>`;
  return new NextResponse(html, {
    status: 429,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': retryAfter,
      'Cache-Control': 'no-store',
    },
  });
}
