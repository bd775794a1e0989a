import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security/security-headers';

/**
 * Runs before every request. It sets security headers (a fresh CSP nonce per request) and turns
 * away two malformed inputs that would otherwise end in a 500 inside Next or next-auth;
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

  // next-auth answers 500 to a callback-url cookie that is neither a path nor an http(s) URL
  // (its own configuration check runs before our redirect callback can fall back), so such a
  // cookie, which next-auth never sets, is dropped on the way in and cleared in the browser.
  const forgedCallbackCookies = request.nextUrl.pathname.startsWith('/api/auth/')
    ? request.cookies
        .getAll()
        .filter((c) => CALLBACK_COOKIE.test(c.name) && !isPathOrHttpUrl(c.value))
        .map((c) => c.name)
    : [];
  for (const name of forgedCallbackCookies) request.cookies.delete(name);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the CSP from the request to put the nonce on the scripts it renders.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  for (const name of forgedCallbackCookies) response.cookies.delete(name);
  return response;
}

const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

/** next-auth's own test of a callback URL: a path, or an absolute http(s) URL. */
function isPathOrHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(
      new URL(value, value.startsWith('/') ? 'http://x' : undefined).protocol,
    );
  } catch {
    return false;
  }
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
