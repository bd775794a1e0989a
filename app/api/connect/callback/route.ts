// GET /api/connect/callback — Entra returns here; every check runs before the token is stored.
import { NextResponse, type NextRequest } from 'next/server';
import { clearedStateCookie, STATE_COOKIE } from '@/lib/connect/connect-cookies';
import { isConnectFailure } from '@/lib/connect/connect-failure';
import { connectErrorUrl, connectSuccessUrl } from '@/lib/connect/connect-redirects';
import { sealConnectResult } from '@/lib/connect/connect-result';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    let response: NextResponse;
    try {
      const result = await handleConnectCallback({
        query: request.nextUrl.searchParams,
        stateCookie: request.cookies.get(STATE_COOKIE)?.value,
      });
      response = NextResponse.redirect(connectSuccessUrl(), 303);
      response.cookies.set(await sealConnectResult(result));
    } catch (e) {
      // handleConnectCallback has logged it; anything else is reported without detail.
      response = NextResponse.redirect(
        connectErrorUrl(isConnectFailure(e) ? e.code : 'unexpected_error'),
        303,
      );
    }
    // The flow is over either way: the state cookie goes, and the code-bearing URL is not cached.
    response.cookies.set(clearedStateCookie());
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('Referrer-Policy', 'no-referrer');
    return response;
  }, request.headers.get('x-correlation-id'));
}
