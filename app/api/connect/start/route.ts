// GET /api/connect/start — begins the SAM consent flow: sets the sealed state cookie, redirects to Entra.
import { NextResponse } from 'next/server';
import { isConnectFailure } from '@/lib/connect/connect-failure';
import { connectErrorUrl } from '@/lib/connect/connect-redirects';
import { startConnect } from '@/lib/connect/start-connect';
import { log } from '@/lib/log';
import { route } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = route(
  async () => {
    const { authorizeUrl, cookie } = await startConnect();
    const response = NextResponse.redirect(authorizeUrl, 302);
    response.cookies.set(cookie);
    response.headers.set('Cache-Control', 'no-store');
    return response;
  },
  {
    onError: (e) => {
      const code = isConnectFailure(e) ? e.code : 'unexpected_error';
      log.warn(
        { event: 'connect_failed', stage: 'start', errorCode: code, cause: e },
        'connect could not start',
      );
      return NextResponse.redirect(connectErrorUrl(code), 303);
    },
  },
);
