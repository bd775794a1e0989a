import { CookieJar, driveSignIn, type SignInOptions } from '../integration/entra-sign-in-driver';
import type { Manifest } from './manifest';

type User = Manifest['tenants'][number]['users'][number];

/**
 * A browser's journeys through the portal over plain HTTP (fetch and a cookie jar, following no
 * redirect on the portal's side): the connect flow and staff sign-in, with the emulator's
 * sign-in pages driven by tests/integration/entra-sign-in-driver. The bench and the security
 * suite use them against the production server.
 */

/** GET/POST against the portal with a cookie jar, not following redirects (as a browser's first hop). */
export async function hop(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: URLSearchParams } = {},
): Promise<Response> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.body,
  });
  jar.take(res);
  return res;
}

function location(res: Response, base: string): string {
  const loc = res.headers.get('location');
  if (!loc) throw new Error(`expected a redirect from ${res.url}, got ${res.status}`);
  return new URL(loc, base).toString();
}

export interface Journey {
  /** Where the portal finally sent the browser (absolute URL), when the journey got back to it. */
  landed?: string;
  /** The emulator's pages passed through (login, mfa, consent). */
  pages: string[];
  /** Entra's own error page (HTML) when the sign-in stopped there, as a person would see it. */
  stuck?: { status: number; html: string };
  jar: CookieJar;
}

/** Runs the portal's connect flow as `user` would in a browser; returns where it ended. */
export async function runConnect(
  portal: string,
  user: User,
  opts: SignInOptions = { consent: 'accept-for-organization' },
): Promise<Journey> {
  const jar = new CookieJar();
  const start = await hop(jar, `${portal}/api/connect/start`);
  const signIn = await driveSignIn(location(start, portal), user, opts);
  if (!signIn.redirect) return { pages: signIn.pages, stuck: signIn.stuck, jar };
  const done = await hop(jar, signIn.redirect.toString());
  return { landed: location(done, portal), pages: signIn.pages, jar };
}

/** Connects a partner tenant through the portal's own connect flow, as its admin would in a browser. */
export async function connectTenant(portal: string, admin: User): Promise<void> {
  const j = await runConnect(portal, admin);
  if (!j.landed) throw new Error(`connect sign-in stopped at ${j.pages.join(' → ')}`);
  if (!j.landed.includes('/connect/success')) throw new Error(`connect ended at ${j.landed}`);
}

/** Signs a user in through next-auth and Entra (staff sign-in); returns where it ended. */
export async function runSignIn(
  portal: string,
  user: User,
  opts: SignInOptions & { callbackUrl?: string } = {},
): Promise<Journey> {
  const jar = new CookieJar();
  const csrf = (await (await hop(jar, `${portal}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await hop(jar, `${portal}/api/auth/signin/entra`, {
    method: 'POST',
    body: new URLSearchParams({
      csrfToken: csrf.csrfToken,
      callbackUrl: opts.callbackUrl ?? `${portal}/dashboard`,
      json: 'true',
    }),
  });
  const authorize =
    start.status === 200 ? ((await start.json()) as { url: string }).url : location(start, portal);
  const signIn = await driveSignIn(authorize, user, opts);
  if (!signIn.redirect) return { pages: signIn.pages, stuck: signIn.stuck, jar };
  const callback = await hop(jar, signIn.redirect.toString());
  return { landed: location(callback, portal), pages: signIn.pages, jar };
}

/** Signs a user in through next-auth and Entra; returns the portal's session cookie header. */
export async function signInStaff(portal: string, user: User): Promise<string> {
  const j = await runSignIn(portal, user);
  if (!j.landed) throw new Error(`staff sign-in stopped at ${j.pages.join(' → ')}`);
  if (!j.landed.endsWith('/dashboard')) throw new Error(`staff sign-in ended at ${j.landed}`);
  return j.jar.header();
}
