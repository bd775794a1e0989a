import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_IDS, HOSTILE_TEXT, HOSTILE_TOKENS } from './support/hostile-values';
import { request, tenants } from './support/portal';

/**
 * The connection routes and the disconnect page. Foreign or malformed tenant ids are a 404 (or
 * 400), a bad CSRF token or Origin a 403, a missing confirmation a 400; none of them changes a
 * stored connection or redeems a token.
 */

const SCRIPT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const FOREIGN = {
  "partner B's tenant id": () => tenants().partnerB.id,
  "partner B's tenant id, upper case": () => tenants().partnerB.id.toUpperCase(),
  "the home tenant's id": () => tenants().home.id,
};
const ids = [
  ...Object.keys(FOREIGN).map((label) => ({ label, value: `@${label}` })),
  ...HOSTILE_IDS,
];
const id = (v: string) => (v.startsWith('@') ? FOREIGN[v.slice(1) as keyof typeof FOREIGN]() : v);

/** A valid action token of partner A's admin, from the connections listing (as the page's scripts get it). */
async function tokenFor(action: 'check' | 'disconnect'): Promise<string> {
  const a = await request({ path: '/api/connections', as: 'adminA' });
  const { connections } = JSON.parse(a.text) as {
    connections: Array<{ tenantId: string; actions: Record<string, string> | null }>;
  };
  const mine = connections.find((c) => c.tenantId === tenants().partnerA.id);
  if (!mine?.actions) throw new Error('partner A admin has no action tokens');
  return mine.actions[action]!;
}

const json = { accept: 'application/json' };

// The listing takes no parameter: a query never widens what it shows (staff see none of it).
hostileTable(
  'GET /api/connections?<junk> (partner admin)',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/connections?tenant=${q(v)}&tid=${q(v)}&${q(v)}=1`, as: 'adminA' }),
  { status: 200, location: 'none', bodyExcludes: [tenants().partnerB.name] },
);
hostileTable(
  'GET /api/connections?<junk> (staff)',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/connections?tenant=${q(v)}&role=admin&${q(v)}=1`, as: 'staffA' }),
  { status: 403, code: 'forbidden_not_admin' },
);
hostileTable(
  'GET /api/connections?<junk> (operator)',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/connections?tenant=${q(v)}&${q(v)}=1`, as: 'operator' }),
  { status: 200, location: 'none' },
);

hostileTable(
  'GET /api/connections/:tenantId',
  ids,
  (v) => ({ path: `/api/connections/${q(id(v))}`, as: 'adminA' }),
  { status: [400, 403, 404], code: /^[a-z_]+$/ },
);

for (const action of ['check', 'disconnect'] as const) {
  hostileTable(
    `POST /api/connections/:tenantId/${action}`,
    ids,
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${q(id(v))}/${action}`,
      as: 'adminA',
      headers: json,
      body: new URLSearchParams({ csrfToken: await tokenFor(action), confirm: 'yes' }),
    }),
    { status: [400, 403, 404], code: /^[a-z_]+$/, unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${action} (csrfToken=)`,
    [...HOSTILE_TOKENS, { label: "the other action's token", value: '@other' }],
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${action}`,
      as: 'adminA',
      headers: json,
      body: new URLSearchParams({
        csrfToken: v === '@other' ? await tokenFor(action === 'check' ? 'disconnect' : 'check') : v,
        confirm: 'yes',
      }),
    }),
    { status: 403, code: 'csrf_failed', unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${action} (Origin:)`,
    ['null', 'https://evil.example', 'http://localhost', `${'http://localhost'}.evil.example`, ' '],
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${action}`,
      as: 'adminA',
      sameOrigin: false,
      headers: { ...json, origin: v },
      body: new URLSearchParams({ csrfToken: await tokenFor(action), confirm: 'yes' }),
    }),
    { status: 403, code: 'csrf_failed', unchanged: true },
  );
  // Staff of the tenant may not act on its connection, even with a well-formed request.
  hostileTable(
    `POST /api/connections/:tenantId/${action} (as staff)`,
    [{ label: "partner A's staff", value: 'staffA' as const }],
    async (who) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${action}`,
      as: who,
      headers: json,
      body: new URLSearchParams({ csrfToken: await tokenFor(action), confirm: 'yes' }),
    }),
    { status: [403, 404], code: /^[a-z_]+$/, unchanged: true },
  );
}

hostileTable(
  'POST /api/connections/:tenantId/disconnect (confirm=)',
  ['', 'no', 'YES', 'true', '1', 'on', ' yes', 'yes\u0000', ...HOSTILE_TEXT.slice(3, 12)],
  async (v) => ({
    method: 'POST',
    path: `/api/connections/${tenants().partnerA.id}/disconnect`,
    as: 'adminA',
    headers: json,
    body: new URLSearchParams({ csrfToken: await tokenFor('disconnect'), confirm: v }),
  }),
  { status: 400, code: 'confirmation_required', unchanged: true },
);

hostileTable(
  'GET /connections/:tenantId/disconnect',
  ids,
  (v) => ({ path: `/connections/${q(id(v))}/disconnect`, as: 'adminA' }),
  // (The 404 page may echo the id from its own URL; it must show nothing of the tenant.)
  { status: [400, 404], bodyExcludes: [...SCRIPT, tenants().partnerB.name, 'csrfToken'] },
);
hostileTable(
  'GET /connections/:tenantId/disconnect (as staff)',
  [{ label: "partner A's own tenant, as its staff", value: 'own' }],
  () => ({ path: `/connections/${tenants().partnerA.id}/disconnect`, as: 'staffA' }),
  { status: [403, 404], bodyExcludes: ['csrfToken'] },
);

hostileTable(
  'connection routes, signed out',
  [
    { label: 'GET /api/connections', value: { method: 'GET' as const, path: '/api/connections' } },
    {
      label: 'GET /api/connections/:tenantId',
      value: {
        method: 'GET' as const,
        path: `/api/connections/${'385ecd4d-9b53-42c5-afa6-4fd1d0685c2e'}`,
      },
    },
    {
      label: 'POST /api/connections/:tenantId/check',
      value: {
        method: 'POST' as const,
        path: '/api/connections/385ecd4d-9b53-42c5-afa6-4fd1d0685c2e/check',
      },
    },
    {
      label: 'POST /api/connections/:tenantId/disconnect',
      value: {
        method: 'POST' as const,
        path: '/api/connections/385ecd4d-9b53-42c5-afa6-4fd1d0685c2e/disconnect',
      },
    },
  ],
  (v) => ({ ...v, headers: json }),
  { status: 401, unchanged: true },
);
