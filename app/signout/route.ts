// POST /signout — ends the portal session, then Entra's (end_session_endpoint), back to PORTAL_URL/.
import { NextResponse, type NextRequest } from 'next/server';
import { buildSignOutUrl, isSameOrigin, sessionCookieName } from '@/lib/auth';
import { getSessionUser } from '@/lib/next';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest): Promise<NextResponse> {
  const { PORTAL_URL } = getConfig();
  // Another site must not be able to sign our users out (or probe whether they are signed in).
  if (!isSameOrigin(request)) return NextResponse.redirect(`${PORTAL_URL}/`, 303);

  const user = await getSessionUser();
  const response = NextResponse.redirect(await buildSignOutUrl(), 303);
  const secure = PORTAL_URL.startsWith('https://');
  const name = sessionCookieName(secure);
  // next-auth splits large sessions into `.0`, `.1` ... chunks; clear every one we were sent.
  for (const cookie of request.cookies.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      response.cookies.set(cookie.name, '', {
        maxAge: 0,
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
      });
    }
  }
  if (user) log.info({ event: 'sign_out', tid: user.tid, oid: user.oid }, 'staff signed out');
  return response;
}
