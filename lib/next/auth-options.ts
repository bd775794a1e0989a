import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { isTenantConnected } from '@/lib/auth/is-tenant-connected';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { toSessionUser } from '@/lib/auth/session-user';
import { decideSignIn, notConnectedUrl } from '@/lib/auth/sign-in-policy';
import { DEFAULT_RETURN_PATH, parseReturnPath } from '@/lib/security/return-path';
import { entraProvider, type EntraProfile } from './entra-provider';

/** Staff sessions last a working day; signing in again is one click while Entra's session lives. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

/**
 * next-auth's configuration, built on first use (not at import, so `next build` needs no secrets).
 * JWT session in an encrypted, HttpOnly, SameSite=Lax cookie, Secure over https. The JWT holds
 * only the SessionUser fields: never an access, refresh or ID token.
 */
export function getAuthOptions(): NextAuthOptions {
  if (options) return options;
  const config = getConfig();
  const secure = config.PORTAL_URL.startsWith('https://');
  // next-auth builds its callback URL from NEXTAUTH_URL and falls back to http://localhost:3000;
  // a deployment that set only PORTAL_URL still gets the right redirect URI.
  process.env.NEXTAUTH_URL ??= config.PORTAL_URL;
  options = {
    secret: config.NEXTAUTH_SECRET,
    providers: [entraProvider(config)],
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/signin', error: '/signin' },
    callbacks: {
      // next-auth's own callbackUrl goes through the same parser as /signin's: only a plain path
      // on the portal's origin, anything else to the default page.
      redirect({ url }) {
        const path = parseReturnPath(url, config.PORTAL_URL) ?? DEFAULT_RETURN_PATH;
        return `${config.PORTAL_URL}${path}`;
      },
      async signIn({ user }) {
        const sessionUser = toSessionUser(user);
        if (!sessionUser) return false;
        const decision = await decideSignIn(sessionUser, {
          homeTenantId: config.ENTRA_HOME_TENANT_ID,
          isTenantConnected,
        });
        if (decision.allowed) return true;
        log.info(
          {
            event: 'sign_in_refused',
            reason: decision.reason,
            tid: sessionUser.tid,
            oid: sessionUser.oid,
          },
          'sign-in refused',
        );
        return notConnectedUrl(sessionUser, decision.reason);
      },
      jwt({ token, user }) {
        // On sign-in, replace next-auth's default claims (name, email, picture) with ours only.
        if (user) {
          // `sid` is the fresh session id the provider's profile() drew for this sign-in.
          const { tid, oid, sid, name, upn, roles, isPartnerAdmin, isOperator } =
            user as unknown as EntraProfile;
          return {
            sub: `${oid}.${tid}`,
            tid,
            oid,
            sid,
            name,
            upn,
            roles,
            isPartnerAdmin,
            isOperator,
          };
        }
        return token;
      },
      session({ session, token }) {
        const user = toSessionUser(token);
        return { expires: session.expires, user: user ?? undefined } as typeof session;
      },
    },
    events: {
      signIn({ user }) {
        const u = toSessionUser(user);
        log.info(
          {
            event: 'sign_in',
            tid: u?.tid,
            oid: u?.oid,
            admin: u?.isPartnerAdmin,
            operator: u?.isOperator,
          },
          'staff signed in',
        );
      },
    },
    logger: {
      error: (code, metadata) =>
        log.warn({ event: 'next_auth_error', errorCode: code, metadata }, 'next-auth error'),
      warn: (code) =>
        log.warn({ event: 'next_auth_warning', errorCode: code }, 'next-auth warning'),
      debug: () => undefined,
    },
  };
  return options;
}
