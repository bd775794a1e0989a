// GET /api/connect/start — begins the SAM consent flow: sets the sealed state cookie, redirects to Entra.
import { NextResponse, type NextRequest } from 'next/server';
import { isConnectFailure } from '@/lib/connect/connect-failure';
import { connectErrorUrl } from '@/lib/connect/connect-redirects';
import { startConnect } from '@/lib/connect/start-connect';
import { log, withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const { authorizeUrl, cookie } = await startConnect();
      const response = NextResponse.redirect(authorizeUrl, 302);
      response.cookies.set(cookie);
      response.headers.set('Cache-Control', 'no-store');
      return response;
    } catch (e) {
      const code = isConnectFailure(e) ? e.code : 'unexpected_error';
      log.warn(
        { event: 'connect_failed', stage: 'start', errorCode: code, cause: e },
        'connect could not start',
      );
      return NextResponse.redirect(connectErrorUrl(code), 303);
    }
  }, request.headers.get('x-correlation-id'));
}
