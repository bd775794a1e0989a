import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_COOKIES, HOSTILE_TEXT } from './support/hostile-values';

/** Entry points anyone can reach without signing in. */

const SCRIPT = ['<script>alert(1)</script>', 'onerror=alert(1)'];

// GET /api/health: no input but the query, which it ignores; never a secret in its answer. Anyone
// but an operator shares a small fleet-wide budget, so a table this long also meets its 429.
hostileTable(
  'GET /api/health?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/health?${q(v)}=${q(v)}` }),
  { status: [200, 429, 503], location: 'none' },
);

// The load balancer's probes: no input, no outbound call for liveness, the database only for
// readiness; the query is ignored and nothing is changed.
hostileTable(
  'GET /api/health/live?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/health/live?${q(v)}=${q(v)}` }),
  { status: 200, location: 'none', unchanged: true },
);
hostileTable(
  'GET /api/health/ready?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/health/ready?${q(v)}=${q(v)}` }),
  { status: [200, 503], location: 'none', unchanged: true },
);

// GET /api/connect/start: begins the flow whatever the query says, always to Entra's own pages.
hostileTable(
  'GET /api/connect/start?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/connect/start?redirect_uri=${q(v)}&state=${q(v)}&${q(v)}=1` }),
  { status: [302, 429], unchanged: true },
);

// GET /api/connect/callback: a tampered or replayed answer from Entra stores nothing and lands
// on the error page with a stable code.
for (const param of ['code', 'state', 'error', 'error_description', 'admin_consent', 'tenant']) {
  hostileTable(
    `GET /api/connect/callback?${param}=`,
    HOSTILE_TEXT,
    (v) => ({
      path: `/api/connect/callback?code=1.AQforged&state=forged&${param}=${q(v)}`,
    }),
    {
      status: 303,
      location: /^\/connect\/error\?code=[a-z_0-9A-Z]+(&ref=[0-9a-f-]+)?$/,
      unchanged: true,
    },
  );
}
hostileTable(
  'GET /api/connect/callback (cookie pp_connect_state=)',
  HOSTILE_COOKIES,
  (v) => ({
    path: '/api/connect/callback?code=1.AQforged&state=forged',
    headers: { cookie: `pp_connect_state=${q(v)}` },
  }),
  { status: 303, location: /^\/connect\/error\?code=[a-z_]+(&ref=[0-9a-f-]+)?$/, unchanged: true },
);

// /connect/error?code=&ref=: shows only catalogued codes and a GUID-shaped reference.
for (const param of ['code', 'ref']) {
  hostileTable(
    `GET /connect/error?${param}=`,
    HOSTILE_TEXT,
    (v) => ({ path: `/connect/error?${param}=${q(v)}` }),
    { status: 200, bodyExcludes: SCRIPT },
  );
}

// /not-connected?tenant=&admin=&reason=: echoes a tenant only when it is a GUID.
for (const param of ['tenant', 'admin', 'reason']) {
  hostileTable(
    `GET /not-connected?${param}=`,
    HOSTILE_TEXT,
    (v) => ({ path: `/not-connected?${param}=${q(v)}` }),
    { status: 200, bodyExcludes: [...SCRIPT, 'evil.example'] },
  );
}

// POST /signout from another site (or with a forged Origin) signs nobody out and goes home.
hostileTable(
  'POST /signout (Origin:)',
  ['null', 'https://evil.example', 'http://localhost', 'http://localhost.evil.example', ' ', 'x'],
  (v) => ({
    method: 'POST',
    path: '/signout',
    as: 'staffA',
    sameOrigin: false,
    headers: { origin: v },
  }),
  { status: 303, location: /^\/$/, unchanged: true },
);
