import { enc as q, hostileTable } from './support/hostile-table';
import { browserTarget } from './support/expect-safe';
import { returnPathCases, type ReturnPathCase } from './support/hostile-values';
import { portalUrl, type Answer } from './support/portal';

/**
 * Hole 1: the return path of sign-in (`/signin?callbackUrl=` and next-auth's own `callbackUrl`)
 * keeps a same-origin plain path and falls back to the default page for anything else; never an
 * off-site Location, never a header built from the value, never a 500 (expectSafe checks those
 * three on every row).
 */

const cases = returnPathCases(portalUrl());
const DEFAULT = '/dashboard';

/** The path and query a browser would land on, for the row's expectation. */
function expectLanding(target: URL, c: ReturnPathCase): void {
  expect(target.origin).toBe(new URL(portalUrl()).origin);
  const landed = `${target.pathname}${target.search}`;
  if (c.expect === 'fallback') expect(landed).toBe(DEFAULT);
  else if (c.expect !== 'either') expect(landed).toBe(c.expect.keep);
}

// Signed in, /signin sends the user straight on to the return path.
hostileTable(
  'GET /signin?callbackUrl= (signed in)',
  cases,
  (c) => ({ path: `/signin?callbackUrl=${q(c.value)}`, as: 'staffA' }),
  (c) => ({
    status: [302, 303, 307, 308, 431, 414],
    also: (a: Answer) => {
      if (a.status < 400) expectLanding(browserTarget(a.location!), c);
    },
  }),
);

// Signed out, /signin shows its page; the sign-in button carries the return path on to next-auth.
hostileTable(
  'GET /signin?callbackUrl= (signed out)',
  cases,
  (c) => ({ path: `/signin?callbackUrl=${q(c.value)}` }),
  { status: [200, 431, 414] },
);

// next-auth's own sign-in page route sends to /signin with the return path it accepted.
hostileTable(
  'GET /api/auth/signin?callbackUrl=',
  cases,
  (c) => ({ path: `/api/auth/signin?callbackUrl=${q(c.value)}` }),
  (c) => ({
    status: [302, 303, 307, 431, 414],
    also: (a: Answer) => {
      if (a.status >= 400) return;
      const signin = browserTarget(a.location!);
      expect(signin.pathname).toBe('/signin');
      const back = signin.searchParams.get('callbackUrl');
      if (back !== null) expectLanding(new URL(back, portalUrl()), c);
    },
  }),
);

// next-auth's sign-in POST keeps the accepted return path in its callback-url cookie, which the
// OAuth callback redirects to at the end.
hostileTable(
  'POST /api/auth/signin/entra (callbackUrl=)',
  cases,
  async (c) => {
    const csrf = await fetch(`${portalUrl()}/api/auth/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((s) => s.split(';')[0])
      .join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return {
      method: 'POST',
      path: '/api/auth/signin/entra',
      headers: { cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: c.value, json: 'true' }),
    };
  },
  (c) => ({
    status: [200, 302, 303, 307],
    also: (a: Answer) => {
      const set = a.headers.getSetCookie().find((s) => s.startsWith('next-auth.callback-url='));
      expect(set).toBeDefined();
      const value = decodeURIComponent(set!.split(';')[0]!.slice('next-auth.callback-url='.length));
      expectLanding(new URL(value, portalUrl()), c);
    },
  }),
);
