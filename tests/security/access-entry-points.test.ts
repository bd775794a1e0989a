import { enc as q, hostileTable } from './support/hostile-table';
import {
  HOSTILE_IDS,
  HOSTILE_NUMBERS,
  HOSTILE_TEXT,
  HOSTILE_TOKENS,
} from './support/hostile-values';
import { customersSeenBy } from './support/tenant-data';
import { tenants } from './support/portal';

/**
 * The access view's routes and pages, as partner A's staff and admin: every list parameter falls
 * back to a default, foreign or malformed customer ids are a 404 (or 400), and every action
 * (check now, grant, remove, grant all missing) refuses a missing, forged or foreign CSRF token,
 * or a cross-site Origin, with 403 and nothing changed.
 */

const SCRIPT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const LIST_PARAMS = ['filter', 'q', 'sort', 'dir', 'page', 'size'];

const FOREIGN = {
  "partner B's customer": async () => (await customersSeenBy('staffB'))[0]!.id,
  "partner B's customer, upper case": async () =>
    (await customersSeenBy('staffB'))[0]!.id.toUpperCase(),
  "partner B's tenant id": async () => tenants().partnerB.id,
  "partner A's own tenant id": async () => tenants().partnerA.id,
};
const foreignRows = Object.keys(FOREIGN).map((label) => ({ label, value: `@${label}` }));
const resolveId = async (v: string) =>
  v.startsWith('@') ? FOREIGN[v.slice(1) as keyof typeof FOREIGN]() : v;
const allParams = (v: string) => LIST_PARAMS.map((p) => `${p}=${q(v)}`).join('&');
const json = { accept: 'application/json' };

for (const param of LIST_PARAMS) {
  hostileTable(
    `GET /api/access?${param}=`,
    param === 'page' || param === 'size' ? [...HOSTILE_NUMBERS, ...HOSTILE_TEXT] : HOSTILE_TEXT,
    (v) => ({ path: `/api/access?${param}=${q(v)}`, as: 'staffA' }),
    { status: 200, location: 'none' },
  );
}
hostileTable(
  `GET /dashboard/access?${LIST_PARAMS.join('=&')}=`,
  [...HOSTILE_NUMBERS, ...HOSTILE_TEXT],
  (v) => ({ path: `/dashboard/access?${allParams(v)}`, as: 'staffA' }),
  { status: 200, bodyExcludes: SCRIPT },
);
hostileTable(
  `GET /api/access/export?${LIST_PARAMS.join('=&')}=`,
  HOSTILE_TEXT,
  (v) => ({ path: `/api/access/export?${allParams(v)}&tenant=${q(v)}`, as: 'staffA' }),
  { status: 200, location: 'none' },
);
hostileTable(
  'GET /api/access/progress?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/access/progress?tenant=${q(v)}&${q(v)}=1`, as: 'staffA' }),
  { status: 200, location: 'none' },
);

hostileTable(
  'GET /api/access/:customerId',
  [...foreignRows, ...HOSTILE_IDS],
  async (v) => ({ path: `/api/access/${q(await resolveId(v))}`, as: 'staffA' }),
  { status: [400, 404], code: /^[a-z_]+$/ },
);
hostileTable(
  'GET /dashboard/access/:customerId',
  [...foreignRows, ...HOSTILE_IDS],
  async (v) => ({ path: `/dashboard/access/${q(await resolveId(v))}`, as: 'staffA' }),
  { status: [400, 404], bodyExcludes: SCRIPT },
);

// Actions: without the page's own token nothing happens, whoever sends it.
const ACTIONS = [
  ['check', (id: string) => `/api/access/${id}/check`],
  ['grant', (id: string) => `/api/access/${id}/consent`],
  ['remove', (id: string) => `/api/access/${id}/consent/remove`],
] as const;
for (const [name, path] of ACTIONS) {
  hostileTable(
    `POST /api/access/:customerId/${name} csrfToken=`,
    HOSTILE_TOKENS,
    async (v) => ({
      method: 'POST',
      path: path((await customersSeenBy('staffA'))[0]!.id),
      as: 'adminA',
      headers: json,
      body: new URLSearchParams({ csrfToken: v, confirm: 'yes' }),
    }),
    { status: 403, code: 'csrf_failed', unchanged: true },
  );
  hostileTable(
    `POST /api/access/:customerId/${name} (foreign or malformed id)`,
    [...foreignRows, ...HOSTILE_IDS],
    async (v) => ({
      method: 'POST',
      path: path(q(await resolveId(v))),
      as: 'adminA',
      headers: json,
      body: new URLSearchParams({ csrfToken: 'x', confirm: 'yes' }),
    }),
    { status: [400, 403, 404], code: /^[a-z_]+$/, unchanged: true },
  );
}
hostileTable(
  'POST /api/access/consent/grant-missing csrfToken=',
  HOSTILE_TOKENS,
  (v) => ({
    method: 'POST',
    path: '/api/access/consent/grant-missing',
    as: 'adminA',
    headers: json,
    body: new URLSearchParams({ csrfToken: v }),
  }),
  { status: 403, code: 'csrf_failed', unchanged: true },
);
hostileTable(
  'POST /api/access/consent/grant-missing (cross-site Origin)',
  [{ label: 'no Origin', value: '' }, 'https://evil.example', 'null'],
  (v) => ({
    method: 'POST',
    path: '/api/access/consent/grant-missing',
    as: 'adminA',
    sameOrigin: false,
    headers: v ? { ...json, origin: v } : json,
    body: new URLSearchParams({ csrfToken: 'x' }),
  }),
  { status: 403, code: 'csrf_failed', unchanged: true },
);
