// GET /api/connect/start — begins the SAM consent flow: sets the sealed state cookie, redirects to Entra.
import { NextResponse } from 'next/server';
import { isConnectFailure } from '@/lib/connect/connect-failure';
import { connectErrorUrl } from '@/lib/connect/connect-redirects';
import { recordingStartRefusal } from '@/lib/activity/connect-activity';
import { startConnect } from '@/lib/connect/start-connect';
import { log } from '@/lib/log';
import { getSessionUser, route } from '@/lib/next';
import { rateLimitedResponse } from '@/lib/next/rate-limited-response';
import { enforceRateLimit, isRateLimited, userRateKey } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = route(
  async (request) => {
    // Per user when signed in; the first connect of a tenant comes before anyone can sign in,
    // so then per client address (the first hop the proxy in front of the portal recorded).
    const user = await getSessionUser();
    const address = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
    const { authorizeUrl, cookie } = await recordingStartRefusal(user, async () => {
      await enforceRateLimit('connect_start', user ? userRateKey(user) : `address:${address}`);
      return startConnect();
    });
    const response = NextResponse.redirect(authorizeUrl, 302);
    response.cookies.set(cookie);
    response.headers.set('Cache-Control', 'no-store');
    return response;
  },
  {
    onError: (e, request) => {
      if (isRateLimited(e)) return rateLimitedResponse(e, request);
      const code = isConnectFailure(e) ? e.code : 'unexpected_error';
      log.warn(
        { event: 'connect_failed', stage: 'start', errorCode: code, cause: e },
        'connect could not start',
      );
      return NextResponse.redirect(connectErrorUrl(code), 303);
    },
  },
);
