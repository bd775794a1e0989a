import { CookieJar, driveSignIn } from '../tests/integration/entra-sign-in-driver';
import type { Manifest } from '../tests/support/manifest';

type User = Manifest['tenants'][number]['users'][number];

/** GET/POST against the portal with a cookie jar, not following redirects (as a browser's first hop). */
async function hop(
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

/** Connects a partner tenant through the portal's own connect flow, as its admin would in a browser. */
export async function connectTenant(portal: string, admin: User): Promise<void> {
  const jar = new CookieJar();
  const start = await hop(jar, `${portal}/api/connect/start`);
  const signIn = await driveSignIn(location(start, portal), admin, {
    consent: 'accept-for-organization',
  });
  if (!signIn.redirect) throw new Error(`connect sign-in stopped at ${signIn.pages.join(' → ')}`);
  const done = await hop(jar, signIn.redirect.toString());
  const landed = location(done, portal);
  if (!landed.includes('/connect/success')) throw new Error(`connect ended at ${landed}`);
}

/** Signs a user in through next-auth and Entra; returns the portal's session cookie header. */
export async function signInStaff(portal: string, user: User): Promise<string> {
  const jar = new CookieJar();
  const csrf = (await (await hop(jar, `${portal}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await hop(jar, `${portal}/api/auth/signin/entra`, {
    method: 'POST',
    body: new URLSearchParams({
      csrfToken: csrf.csrfToken,
      callbackUrl: `${portal}/dashboard`,
      json: 'true',
    }),
  });
  const authorize =
    start.status === 200 ? ((await start.json()) as { url: string }).url : location(start, portal);
  const signIn = await driveSignIn(authorize, user);
  if (!signIn.redirect) throw new Error(`staff sign-in stopped at ${signIn.pages.join(' → ')}`);
  const callback = await hop(jar, signIn.redirect.toString());
  if (!location(callback, portal).endsWith('/dashboard'))
    throw new Error(`staff sign-in ended at ${location(callback, portal)}`);
  return jar.header();
}
