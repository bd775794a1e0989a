import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security/security-headers';

/**
 * Runs before every request. It only sets security headers (a fresh CSP nonce per request);
 * authorization lives in the data functions, never here.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https =
    request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const headers = securityHeaders(nonce, { https, dev: process.env.NODE_ENV === 'development' });

  // A path whose percent-encoding is not UTF-8 (`%FF`, a lone surrogate's `%ED%A0%80`) makes
  // Next's route-parameter decoding throw, which it answers with a 500: it is a bad request.
  if (!decodesAsUtf8(request.nextUrl.pathname)) {
    const message = 'The URL is not valid UTF-8.';
    const refused = request.nextUrl.pathname.startsWith('/api/')
      ? NextResponse.json({ error: { code: 'malformed_url', message } }, { status: 400 })
      : new NextResponse(`Bad request: ${message}`, {
          status: 400,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the CSP from the request to put the nonce on the scripts it renders.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function decodesAsUtf8(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
