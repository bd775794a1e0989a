import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_COOKIES, HOSTILE_TEXT, returnPathCases } from './support/hostile-values';
import { portalUrl } from './support/portal';

/**
 * Sign-in: next-auth's routes under /api/auth (every action segment, the OAuth callback's
 * parameters, forged session cookies) and /signin's `error` parameter. The return path
 * (`callbackUrl`) has its own table in return-path.test.ts.
 */

const SCRIPT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

hostileTable(
  'GET /signin?error=',
  [...HOSTILE_TEXT, 'OAuthCallback', 'AccessDenied', 'Default'],
  (v) => ({ path: `/signin?error=${q(v)}` }),
  { status: 200, bodyExcludes: SCRIPT },
);

hostileTable(
  'GET /api/auth/:action',
  [
    ...HOSTILE_TEXT,
    'signin',
    'signout',
    'session',
    'csrf',
    'providers',
    'callback',
    'callback/nope',
    'signin/nope',
    'verify-request',
    'error',
    '_log',
  ],
  (v) => ({ path: `/api/auth/${v.includes('/') ? v : q(v)}` }),
  { unchanged: true },
);

for (const param of ['code', 'state', 'error', 'error_description', 'session_state']) {
  hostileTable(
    `GET /api/auth/callback/entra?${param}=`,
    HOSTILE_TEXT,
    (v) => ({ path: `/api/auth/callback/entra?code=1.AQforged&state=forged&${param}=${q(v)}` }),
    // next-auth's own error route, which sends on to /signin?error=…
    { status: [302, 303, 307], location: /^\/(signin|api\/auth\/error)\?/, unchanged: true },
  );
}

hostileTable(
  'POST /api/auth/signin/entra (csrfToken=)',
  ['', 'x', 'null', '\u0000', '\r\nX-Injected: 1', 'a'.repeat(5000)],
  (v) => ({
    method: 'POST',
    path: '/api/auth/signin/entra',
    body: new URLSearchParams({ csrfToken: v }),
  }),
  { status: [302, 303, 307], unchanged: true },
);

for (const cookie of ['next-auth.session-token', 'next-auth.csrf-token']) {
  hostileTable(
    `GET /api/auth/session (cookie ${cookie}=)`,
    HOSTILE_COOKIES,
    (v) => ({ path: '/api/auth/session', headers: { cookie: `${cookie}=${q(v)}` } }),
    {
      status: 200,
      also: (a) => expect(a.text).not.toMatch(/"user"/),
    },
  );
}
hostileTable(
  'GET /dashboard (cookie next-auth.session-token=)',
  HOSTILE_COOKIES,
  (v) => ({ path: '/dashboard', headers: { cookie: `next-auth.session-token=${q(v)}` } }),
  {
    // 200 when the page streams (its loading state) and the redirect travels in the body.
    status: [200, 302, 303, 307],
    location: /^\/signin\?/,
    also: (a) => {
      if (a.status === 200) expect(a.text).toMatch(/NEXT_REDIRECT;[a-z]+;\/signin\?/);
      expect(a.text.includes(`data-testid="customer-table"`)).toBe(false);
    },
  },
);

// A forged callback-url cookie (next-auth never sets one that is not a path or http(s) URL)
// is dropped before next-auth's configuration check, which would answer 500.
hostileTable(
  'GET /api/auth/session (cookie next-auth.callback-url=)',
  [
    ...HOSTILE_COOKIES,
    ...returnPathCases(portalUrl()).map((c) => ({ label: c.label, value: c.value.value })),
  ],
  (v) => ({ path: '/api/auth/session', headers: { cookie: `next-auth.callback-url=${q(v)}` } }),
  { status: 200 },
);
