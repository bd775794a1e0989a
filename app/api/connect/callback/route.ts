// GET /api/connect/callback — Entra returns here; every check runs before the token is stored.
import { NextResponse } from 'next/server';
import { clearedStateCookie, STATE_COOKIE } from '@/lib/connect/connect-cookies';
import { isConnectFailure } from '@/lib/connect/connect-failure';
import { connectErrorUrl, connectSuccessUrl } from '@/lib/connect/connect-redirects';
import { sealConnectResult } from '@/lib/connect/connect-result';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { route } from '@/lib/next';

export const dynamic = 'force-dynamic';

/** The flow is over either way: the state cookie goes, and the code-bearing URL is not cached. */
function closed(response: NextResponse): NextResponse {
  response.cookies.set(clearedStateCookie());
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Referrer-Policy', 'no-referrer');
  return response;
}

export const GET = route(
  async (request) => {
    const result = await handleConnectCallback({
      query: request.nextUrl.searchParams,
      stateCookie: request.cookies.get(STATE_COOKIE)?.value,
    });
    const response = NextResponse.redirect(connectSuccessUrl(), 303);
    response.cookies.set(await sealConnectResult(result));
    return closed(response);
  },
  {
    // handleConnectCallback has logged it; anything else is reported without detail.
    onError: (e) =>
      closed(
        NextResponse.redirect(
          connectErrorUrl(isConnectFailure(e) ? e.code : 'unexpected_error'),
          303,
        ),
      ),
  },
);
